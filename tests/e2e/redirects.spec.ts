import { expect, test } from "@playwright/test";
import { makeUser, signIn, uniqueAddress } from "./fixtures";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

/** The variants (finding 2) and their neighbours, as a signed-in user's browser would send them. */
const VARIANTS = [
  "/.//evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "/%2e//evil.example",
  "/%2e%2e//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/%5cevil.example",
  "/%2f%2fevil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "https://evil.example",
  "http://x",
  "javascript:alert(1)",
];

test("a signed-in visit to /sign-in?callbackUrl=… never redirects off the site", async ({ page, baseURL }) => {
  const user = await makeUser("staff");
  await signIn(page, user);
  const origin = new URL(baseURL!).origin;
  for (const variant of VARIANTS) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(variant)}`, { maxRedirects: 0 });
    expect(response.status(), variant).toBe(307);
    const location = response.headers()["location"] ?? "";
    expect(location, variant).toMatch(/^\/(?![/\\])/); // a path here, never //host or /\\host
    expect(new URL(location, baseURL).origin, variant).toBe(origin);
  }
  // A safe path is kept.
  const kept = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent("/briefings?x=1")}`, {
    maxRedirects: 0,
  });
  expect(kept.headers()["location"]).toBe("/briefings?x=1");
});

test("a repeated callbackUrl takes the first value instead of failing the page", async ({ page }) => {
  const anonymous = await page.request.get("/sign-in?callbackUrl=/briefings&callbackUrl=/admin");
  expect(anonymous.status()).toBe(200);
  await page.goto("/sign-in?callbackUrl=/briefings&callbackUrl=/admin");
  await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/briefings");
  const user = await makeUser("staff");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/briefings$/);
  const signedIn = await page.request.get("/sign-in?callbackUrl=/briefings&callbackUrl=/admin", { maxRedirects: 0 });
  expect(signedIn.status()).toBe(307);
  expect(signedIn.headers()["location"]).toBe("/briefings");
});

import { expect, test } from "@playwright/test";
import { makeUser, signIn, uniqueAddress } from "./fixtures";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

const FOREIGN = "http://evil.example";

test("a form posted from another site without JavaScript is refused with 403, not a 500", async ({ request }) => {
  // What a plain HTML form on another site sends: multipart (as React's no-JS action forms) or urlencoded.
  const multipart = await request.post("/sign-in", {
    headers: { origin: FOREIGN },
    multipart: { email: "someone@e2e.example", password: "whatever-it-is" },
    maxRedirects: 0,
  });
  expect(multipart.status()).toBe(403);
  expect(await multipart.text()).toBe("Cross-origin request refused.");
  const urlencoded = await request.post("/sign-in", {
    headers: { origin: FOREIGN },
    form: { email: "a@b.example" },
    maxRedirects: 0,
  });
  expect(urlencoded.status()).toBe(403);
  // An opaque origin (a sandboxed frame, a privacy redirect) is foreign too.
  const opaque = await request.post("/sign-in", {
    headers: { origin: "null" },
    form: { email: "a@b.example" },
    maxRedirects: 0,
  });
  expect(opaque.status()).toBe(403);
});

test("without an Origin header, a cross-site Sec-Fetch-Site is refused; other methods and routes too", async ({
  request,
}) => {
  const noOrigin = await request.post("/sign-in", {
    headers: { "sec-fetch-site": "cross-site" },
    form: { x: "1" },
    maxRedirects: 0,
  });
  expect(noOrigin.status()).toBe(403);
  for (const method of ["PUT", "DELETE", "PATCH"]) {
    const response = await request.fetch("/briefings", { method, headers: { origin: FOREIGN }, maxRedirects: 0 });
    expect(response.status(), method).toBe(403);
  }
  // next-auth's own endpoints: a sign-in posted from another site (login CSRF) is refused as well.
  const authPost = await request.post("/api/auth/callback/credentials", {
    headers: { origin: FOREIGN },
    form: { email: "a@b.example" },
    maxRedirects: 0,
  });
  expect(authPost.status()).toBe(403);
});

test("same-origin posts, reads from anywhere and next-auth's routes keep working", async ({
  page,
  request,
  baseURL,
}) => {
  const sameOrigin = await request.post("/sign-in", {
    headers: { origin: new URL(baseURL!).origin },
    form: { x: "1" },
    maxRedirects: 0,
  });
  expect(sameOrigin.status()).not.toBe(403);
  const sameSiteFetch = await request.post("/sign-in", {
    headers: { "sec-fetch-site": "same-origin" },
    form: { x: "1" },
    maxRedirects: 0,
  });
  expect(sameSiteFetch.status()).not.toBe(403);
  // A GET from a foreign page (a link) is never refused.
  expect(
    (await request.get("/sign-in", { headers: { origin: FOREIGN, "sec-fetch-site": "cross-site" } })).status(),
  ).toBe(200);
  expect((await request.get("/api/auth/session")).status()).toBe(200);
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  expect(await csrf.json()).toHaveProperty("csrfToken");
  // Signing in (a server action here) and out still work in the browser.
  const user = await makeUser("staff");
  await signIn(page, user);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

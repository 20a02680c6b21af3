import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { changeUserRole } from "@/db/queries/users/change-user-role";
import { setUserDisabled } from "@/db/queries/users/set-user-disabled";
import { signOutEverywhere } from "@/db/queries/users/sign-out-everywhere";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { E2E_DATABASE, e2eDb, makeUser, signIn, uniqueAddress, type TestUser, read } from "./fixtures";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

/** Signs in in a context of its own and returns that context's cookies. */
async function cookiesAfterSignIn(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

async function pageWithCookies(
  browser: Browser,
  cookies: Awaited<ReturnType<typeof cookiesAfterSignIn>>,
): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context.newPage();
}

for (const [label, end] of [
  [
    "sign-out",
    (u: TestUser) =>
      signOutEverywhere({
        actor: {
          userId: u.id,
          email: u.email,
          name: u.name,
          role: u.role,
          clearer: false,
          clearanceLevel: "OFFICIAL",
          ip: null,
        },
        db: e2eDb(),
      }),
  ],
  [
    "a disable",
    async (u: TestUser) =>
      void (await setUserDisabled({ actor: SYSTEM_ACTOR, userId: u.id, disabled: true, db: e2eDb() })),
  ],
  [
    "a role change",
    async (u: TestUser) =>
      void (await changeUserRole({ actor: SYSTEM_ACTOR, userId: u.id, role: "admin", db: e2eDb() })),
  ],
] as const) {
  test(`a cookie copied before ${label} is refused after it`, async ({ browser }) => {
    const user = await makeUser("staff");
    const cookies = await cookiesAfterSignIn(browser, user);
    const before = await pageWithCookies(browser, cookies);
    await before.goto("/");
    await expect(before.getByTestId("signed-in-as")).toContainText(user.name);
    await end(user);
    const after = await pageWithCookies(browser, cookies);
    await after.goto("/");
    await expect(after).toHaveURL(/\/sign-in/);
    await expect(after.getByTestId("signed-in-as")).toHaveCount(0);
  });
}

test("signing out through the UI ends a copied cookie too", async ({ browser, page }) => {
  const user = await makeUser("staff");
  await signIn(page, user);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const copy = await pageWithCookies(browser, cookies);
  await copy.goto("/");
  await expect(copy).toHaveURL(/\/sign-in/);
});

test("without a session every page redirects to sign-in", async ({ page }) => {
  for (const path of ["/", "/admin/users"]) {
    await page.goto(path);
    await expect(page).toHaveURL(
      new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path).replace(/[/]/g, "%2F")}`),
    );
  }
});

test("staff get 403 on the admin page and an admin action posted directly changes nothing", async ({
  browser,
  page,
}) => {
  const admin = await makeUser("admin");
  const staff = await makeUser("staff");
  // Capture a real "add user" server-action request as the admin would send it, without letting it through.
  await signIn(page, admin, "/admin/users");
  const victimEmail = `made-by-staff-${Date.now()}@e2e.example`;
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/admin/users", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = { headers: route.request().headers(), body: route.request().postDataBuffer()! };
    await route.abort();
  });
  await page.getByLabel("Email", { exact: true }).fill(victimEmail);
  await page.getByLabel("Name", { exact: true }).fill("Should Not Exist");
  await page.getByLabel("Password", { exact: true }).fill("a-password-long-enough");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect.poll(() => captured).toBeDefined();

  const staffPage = await pageWithCookies(browser, await cookiesAfterSignIn(browser, staff));
  const response = await staffPage.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(staffPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();

  const { cookie: _adminCookie, ...headers } = captured!.headers;
  const staffCookie = (await staffPage.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const asStaff = await staffPage.request.post("/admin/users", {
    headers: { ...headers, cookie: staffCookie },
    data: captured!.body,
  });
  expect(asStaff.status()).toBe(403);
  const anonymous = await staffPage.request.post("/admin/users", {
    headers: { ...headers, cookie: "" },
    data: captured!.body,
  });
  expect(anonymous.status()).toBe(401);
  const foreign = await staffPage.request.post("/admin/users", {
    headers: { ...headers, origin: "https://evil.example", cookie: staffCookie },
    data: captured!.body,
  });
  expect(foreign.status()).toBe(403);
  expect(
    (await read(e2eDb()).select().from(s.users).where(eq(s.users.email, victimEmail)).limit(1))[0],
  ).toBeUndefined();
});

test("user:add creates a user who can sign in, and refuses a short password", async ({ page }) => {
  const email = `cli-${Date.now()}@e2e.example`;
  const run = (password: string) =>
    execFileSync(
      "npx",
      [
        "tsx",
        "--import",
        "./scripts/server-only/register.mjs",
        "scripts/user-add.ts",
        "--email",
        email,
        "--role",
        "staff",
        "--name",
        "Cli User",
      ],
      {
        input: `${password}\n`,
        env: { ...process.env, DATABASE_URL: E2E_DATABASE },
        encoding: "utf8",
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
  expect(() => run("too-short")).toThrow(/at least 12 characters/);
  expect(run("a-cli-password-that-is-long")).toContain(`Created staff ${email}`);
  await signIn(page, { email, password: "a-cli-password-that-is-long" });
  await expect(page.getByTestId("signed-in-as")).toContainText("Cli User");
});

test("the sign-in and user-admin pages have no serious accessibility violation", async ({ page }) => {
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help}`);
  await page.goto("/sign-in");
  expect(await serious()).toEqual([]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText(/Enter your email/);
  expect(await serious()).toEqual([]);
  await signIn(page, await makeUser("admin"), "/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  expect(await serious()).toEqual([]);
});

import { expect, test } from "@playwright/test";
import { seriousViolations } from "./admin-helpers";
import { makeUser, signIn, uniqueAddress } from "./fixtures";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

test("staff and admin sign in and out", async ({ page }) => {
  for (const role of ["staff", "admin"] as const) {
    const user = await makeUser(role);
    await signIn(page, user);
    await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
    await expect(page.getByTestId("signed-in-as")).toContainText(role);
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(role === "admin" ? 1 : 0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F/);
  }
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const user = await makeUser("staff");
  const messages: string[] = [];
  for (const email of [user.email, "nobody-at-all@e2e.example"]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("definitely-not-it");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.locator("#sign-in-error");
    await expect(alert).toHaveText(/incorrect/);
    messages.push((await alert.textContent()) ?? "");
  }
  expect(messages[0]).toBe("Email or password is incorrect.");
  expect(messages[1]).toBe(messages[0]);
});

test("the 11th failed try at one address is refused; the owner gets in from another, or once an admin clears it", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const user = await makeUser("staff");
  const attempt = async (password: string, opts: { succeeds?: boolean } = {}) => {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(password);
    // Wait for each answer: the message text alone does not change between equal refusals.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    // React resets the form once a refusal is rendered; wait for that before typing again.
    if (!opts.succeeds) await expect(page.getByLabel("Password")).toHaveValue("");
  };
  await page.goto("/sign-in");
  for (let i = 1; i <= 10; i++) {
    await attempt(`wrong-password-${i}`);
    await expect(page.locator("#sign-in-error")).toHaveText("Email or password is incorrect.");
  }
  await attempt(user.password); // even the right password is refused at this address
  await expect(page.locator("#sign-in-error")).toHaveText(/^Too many attempts, try again in \d+ minutes?\.$/);

  // The same account from another address is not locked out by the guesser.
  const elsewhere = await (
    await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })
  ).newPage();
  await signIn(elsewhere, user);

  // An admin sees the refusing counter and clears it; the first address is let in at once.
  const admin = await (
    await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })
  ).newPage();
  await signIn(admin, await makeUser("admin"));
  await admin.goto("/admin/sign-in-limits");
  const row = admin.getByTestId("throttle-row").filter({ hasText: user.email }).filter({ hasText: "Refusing until" });
  await expect(row).toHaveCount(1);
  expect(await seriousViolations(admin)).toEqual([]);
  await row.getByRole("button", { name: /Clear/ }).click();
  await expect(row).toHaveCount(0); // cleared: the counter is gone from the list
  await attempt(user.password, { succeeds: true });
  await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
});

test("callbackUrl only ever lands on our own origin", async ({ page, baseURL }) => {
  const user = await makeUser("staff");
  for (const target of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
    await signIn(page, user, target);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  }
  await signIn(page, user, "/admin/users?from=link");
  expect(new URL(page.url()).pathname).toBe("/admin/users"); // staff then get 403 there, but the path is kept
});

test("a browser that signed in before gets its owner in while guessers exhaust the shared office address", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const office = uniqueAddress();
  const contextAt = () => browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": office } });
  const user = await makeUser("staff");
  const own = await (await contextAt()).newPage();
  await signIn(own, user);
  expect((await own.context().cookies()).find((c) => c.name === "chancery-device")).toMatchObject({
    httpOnly: true,
    sameSite: "Lax",
  });
  await own.getByRole("button", { name: "Sign out" }).click();
  await expect(own).toHaveURL(/\/sign-in/);

  // A colleague's machine at the same address guesses 30 accounts: the address is refused.
  const guesser = await (await contextAt()).newPage();
  await guesser.goto("/sign-in");
  for (let i = 0; i < 30; i++) {
    await guesser.getByLabel("Email").fill(`nobody-${i}@e2e.example`);
    await guesser.getByLabel("Password").fill("not-a-password");
    await Promise.all([
      guesser.waitForResponse((r) => r.request().method() === "POST"),
      guesser.getByRole("button", { name: "Sign in" }).click(),
    ]);
    await expect(guesser.getByLabel("Password")).toHaveValue("");
  }
  const stranger = await (await contextAt()).newPage(); // a browser the account never used
  await stranger.goto("/sign-in");
  await stranger.getByLabel("Email").fill(user.email);
  await stranger.getByLabel("Password").fill(user.password);
  await stranger.getByRole("button", { name: "Sign in" }).click();
  await expect(stranger.locator("#sign-in-error")).toHaveText(/^Too many attempts/);

  await signIn(own, user); // the owner's own browser carries its device cookie
  await expect(own.getByTestId("signed-in-as")).toContainText(user.name);
});

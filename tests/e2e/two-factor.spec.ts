import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { closeDatabase, openDatabase, readerOf, type Database } from "@/db/client";
import * as s from "@/db/schema";
import { confirmSecondFactor } from "@/db/queries/two-factor/confirm-second-factor";
import { getSecondFactorStatus } from "@/db/queries/two-factor/get-second-factor-status";
import { startSecondFactorSetup } from "@/db/queries/two-factor/start-second-factor-setup";
import { createUser } from "@/db/queries/users/create-user";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { seriousViolations } from "./admin-helpers";
import { actorOf, e2eDb, makeUser, read, signIn, uniqueAddress, type TestUser } from "./fixtures";
import { databaseOfItsOwn } from "../helpers/e2e-database";

/**
 * Two-step verification in the browser and over HTTP: enrolment (codes computed here from the
 * manual key with otpauth, as an authenticator app would), sign-in with the password then a
 * code, a replayed code refused, a recovery code used once, the pending state opening nothing,
 * the admin reset, and CHANCERY_REQUIRE_2FA on a second server started with it.
 */

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

const PERIOD_MS = 30_000;
const totpAt = (secret: string, step: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), digits: 6, period: 30, timestamp: step * PERIOD_MS });

/**
 * A code the server has not seen yet: the current step's, or the next one's when the current one
 * was spent (the server accepts one step either side); waits for a new step otherwise.
 */
async function freshCode(db: Database, userId: string, secret: string): Promise<string> {
  for (;;) {
    const [row] = await readerOf(db)
      .select({ last: s.userSecondFactors.lastUsedStep })
      .from(s.userSecondFactors)
      .where(eq(s.userSecondFactors.userId, userId));
    const current = Math.floor(Date.now() / PERIOD_MS);
    const step = Math.max(current, (row?.last ?? -1) + 1);
    if (step <= current + 1) return totpAt(secret, step);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** A user with two-step verification on, set up through the data layer; returns the secret. */
async function enrolled(user: TestUser, db: Database = e2eDb()): Promise<string> {
  const actor = actorOf(user);
  await startSecondFactorSetup({ actor, db });
  const status = await getSecondFactorStatus({ actor, db });
  if (status.state !== "setting-up") throw new Error("no set-up");
  await confirmSecondFactor({ actor, code: totpAt(status.secret, Math.floor(Date.now() / PERIOD_MS)), db });
  return status.secret;
}

async function passwordStep(page: Page, user: Pick<TestUser, "email" | "password">) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
}

async function codeStep(page: Page, code: string) {
  const field = page.getByLabel("Code", { exact: true });
  // React resets the form once the previous refusal has landed, a moment after its response:
  // a code typed before then is wiped, and an empty code is sent (seen under load). An empty
  // field is the sign it has landed (the refusal's error text, still shown, is not).
  await expect(field).toHaveValue("");
  await field.fill(code);
  // Wait for the action's answer, for the same reason.
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && "next-action" in r.request().headers(),
  );
  await page.getByRole("button", { name: "Verify" }).click();
  await answered;
}

const auditActions = async (userId: string) =>
  (await read(e2eDb()).select().from(s.auditLog).where(eq(s.auditLog.entityId, userId))).map((r) => r.action);

test("enrol, then sign in with the password and a code; a replayed code is refused; a recovery code works once", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const user = await makeUser("staff");
  await signIn(page, user);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByTestId("second-factor-state")).toContainText("Off");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  expect(await page.getByTestId("totp-qr").getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  const secret = ((await page.getByTestId("manual-key").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await seriousViolations(page)).toEqual([]);

  // A wrong code does not turn it on.
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText(/That code does not match/)).toBeVisible();
  await page.getByLabel("Code from the app").fill(totpAt(secret, Math.floor(Date.now() / PERIOD_MS)));
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recovery = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  for (const code of recovery) expect(code).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "I have saved them" }).click();
  await expect(page.getByTestId("second-factor-state")).toContainText("10 of 10 recovery codes left");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The password alone opens nothing: a short-lived httpOnly cookie for the sign-in page, no session.
  await passwordStep(page, user);
  expect(await seriousViolations(page)).toEqual([]);
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).not.toContain("authjs.session-token");
  const pending = cookies.find((c) => c.name === "chancery-2fa-pending");
  expect(pending).toMatchObject({ httpOnly: true, path: "/sign-in", sameSite: "Strict" });
  expect(pending!.expires * 1000 - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000 + 5_000);
  for (const target of ["/", "/briefings", "/account/security", "/admin/users"]) {
    const response = await page.request.get(target, { maxRedirects: 0, headers: { accept: "text/html" } });
    expect({ target, status: response.status() }).toEqual({ target, status: 307 });
    expect(response.headers().location).toContain("/sign-in");
  }

  // A wrong code, then the right one; the wrong one is told at sign-in.
  await codeStep(page, "123456");
  await expect(page.locator("#code-error")).toHaveText(/That code is not right/);
  const code = await freshCode(e2eDb(), user.id, secret);
  await codeStep(page, code);
  await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
  await expect(page.getByTestId("failed-codes-notice")).toContainText("A wrong two-step code was entered");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("failed-codes-notice")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The same code again, within its window: refused.
  await passwordStep(page, user);
  await codeStep(page, code);
  await expect(page.locator("#code-error")).toHaveText(/That code is not right/);
  // A recovery code signs in, once.
  await codeStep(page, recovery[0]);
  await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
  await page.goto("/account/security");
  await expect(page.getByTestId("second-factor-state")).toContainText("9 of 10 recovery codes left");

  // New recovery codes, with the password and a current code: ten again, the old ones void.
  const codesForm = page.getByRole("form", { name: "New recovery codes" });
  await codesForm.getByLabel("Password").fill(user.password);
  await codesForm.getByLabel("Code").fill(await freshCode(e2eDb(), user.id, secret));
  await codesForm.getByRole("button", { name: "Make new recovery codes" }).click();
  const renewedList = page.getByTestId("recovery-codes");
  await expect(renewedList.getByRole("listitem")).toHaveCount(10);
  const renewed = (await renewedList.getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(renewed.filter((c) => recovery.includes(c))).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "I have saved them" }).click();
  await expect(page.getByTestId("second-factor-state")).toContainText("10 of 10 recovery codes left");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await passwordStep(page, user);
  // The code already used, then one replaced unused: both refused; a new one signs in.
  for (const old of [recovery[0], recovery[1]]) {
    await codeStep(page, old);
    await expect(page.locator("#code-error")).toHaveText(/That code is not right/);
  }
  await codeStep(page, renewed[0]);
  await expect(page.getByTestId("signed-in-as")).toContainText(user.name);

  const actions = await auditActions(user.id);
  for (const action of [
    "2fa.enabled",
    "auth.password_accepted",
    "2fa.code_failed",
    "2fa.recovery_code_used",
    "2fa.recovery_codes_replaced",
  ])
    expect(actions).toContain(action);
});

test("turning it off asks for the password and a current code; then sign-in needs the password alone", async ({
  page,
}) => {
  const user = await makeUser("staff");
  const secret = await enrolled(user);
  await passwordStep(page, user);
  await codeStep(page, await freshCode(e2eDb(), user.id, secret));
  await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
  await page.goto("/account/security");
  expect(await seriousViolations(page)).toEqual([]);
  const form = page.getByRole("form", { name: "Turn off two-step verification" });
  await form.getByLabel("Password").fill(user.password);
  await form.getByLabel("Code").fill("000000");
  await form.getByRole("button", { name: "Turn off two-step verification" }).click();
  await expect(form.getByText("The password or the code is not right.")).toBeVisible();
  await expect(page.getByTestId("second-factor-state")).toContainText("On since");
  await form.getByLabel("Password").fill(user.password);
  await form.getByLabel("Code").fill(await freshCode(e2eDb(), user.id, secret));
  await form.getByRole("button", { name: "Turn off two-step verification" }).click();
  await expect(page.getByTestId("second-factor-state")).toContainText("Off");
  expect(await auditActions(user.id)).toContain("2fa.disabled");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, user);
  await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
});

test("a forged or missing pending cookie gets no further than the password", async ({ page }) => {
  const user = await makeUser("staff");
  const secret = await enrolled(user);
  await passwordStep(page, user);
  const [pending] = (await page.context().cookies()).filter((c) => c.name === "chancery-2fa-pending");
  // The token altered to name another user: refused, back to the password.
  const [payload, signature] = pending.value.split(".");
  const altered = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), userId: "someone-else" }),
  ).toString("base64url");
  await page.context().addCookies([{ ...pending, value: `${altered}.${signature}` }]);
  await codeStep(page, await freshCode(e2eDb(), user.id, secret));
  await expect(page.locator("#sign-in-error")).toHaveText(/has expired/);
  await expect(page.getByLabel("Password")).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
});

test("an admin resets a user's second factor (their sessions end); another admin's needs the admin's own code", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await makeUser("admin");
  const adminSecret = await enrolled(admin);
  const staff = await makeUser("staff");
  const staffSecret = await enrolled(staff);
  const otherAdmin = await makeUser("admin");
  await enrolled(otherAdmin);

  // The staff member is signed in elsewhere.
  const staffPage = await (
    await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })
  ).newPage();
  await passwordStep(staffPage, staff);
  await codeStep(staffPage, await freshCode(e2eDb(), staff.id, staffSecret));
  await expect(staffPage.getByTestId("signed-in-as")).toBeVisible();

  await passwordStep(page, admin);
  await codeStep(page, await freshCode(e2eDb(), admin.id, adminSecret));
  await expect(page.getByTestId("signed-in-as")).toContainText(admin.name);

  await page.goto(`/admin/users?q=${encodeURIComponent(staff.email)}`);
  const staffRow = page.getByTestId(`user-${staff.email}`);
  await expect(staffRow.getByTestId("second-factor-label")).toHaveText("On");
  expect(await seriousViolations(page)).toEqual([]);
  await staffRow.getByRole("button", { name: `Reset two-step verification of ${staff.email}` }).click();
  await expect(staffRow.getByText("Reset: signed out, sets it up again.")).toBeVisible();
  // Their session has ended; the password alone signs them in now.
  await staffPage.reload();
  await expect(staffPage).toHaveURL(/\/sign-in/);
  await signIn(staffPage, staff);
  expect(await auditActions(staff.id)).toContain("2fa.reset");

  await page.goto(`/admin/users?q=${encodeURIComponent(otherAdmin.email)}`);
  const adminRow = page.getByTestId(`user-${otherAdmin.email}`);
  const reset = adminRow.getByRole("button", { name: `Reset two-step verification of ${otherAdmin.email}` });
  await reset.click();
  await expect(adminRow.getByText(/Enter your own current code/)).toBeVisible();
  await adminRow.getByLabel(/Your own code/).fill("000000");
  await reset.click();
  await expect(adminRow.getByText("That is not your current code.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await adminRow.getByLabel(/Your own code/).fill(await freshCode(e2eDb(), admin.id, adminSecret));
  await reset.click();
  await expect(adminRow.getByText("Reset: signed out, sets it up again.")).toBeVisible();
  const [factor] = await read(e2eDb())
    .select()
    .from(s.userSecondFactors)
    .where(eq(s.userSecondFactors.userId, otherAdmin.id));
  expect(factor).toBeUndefined();
});

test.describe("CHANCERY_REQUIRE_2FA=admin,clearer", () => {
  // A second server from the same build with the setting on, on a database of its own.
  const PORT = Number(process.env.E2E_PORT ?? 3100) + 14;
  const BASE = `http://127.0.0.1:${PORT}`;
  let server: ChildProcess | undefined;
  let dir: string;
  let db: Database;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-require-2fa-"));
    const database = await databaseOfItsOwn(dir);
    const env = {
      ...process.env,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: database,
      CHANCERY_DATA_DIR: dir,
      CHANCERY_DEMO_USERS: "0",
      CHANCERY_TRUSTED_PROXY_HOPS: "1",
      CHANCERY_REQUIRE_2FA: "admin,clearer",
    };
    server = spawn("node", ["server.mjs"], { env, stdio: "ignore" });
    const deadline = Date.now() + 100_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error("the second server did not start");
      const ok = await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    db = openDatabase(database);
  });

  test.afterAll(() => {
    server?.kill("SIGKILL");
    if (db) closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function userOn(role: "admin" | "staff", clearer = false): Promise<TestUser> {
    const tag = Math.random().toString(36).slice(2, 10);
    const input = {
      email: `${role}-${tag}@require.example`,
      name: `Required ${tag}`,
      role,
      clearer,
      password: `pw-${tag}-long-enough`,
    };
    const created = await createUser({ actor: SYSTEM_ACTOR, input, db });
    return { id: created.id, ...input, clearanceLevel: created.clearanceLevel };
  }

  test("sends admins and clearers without a second factor to set one up, from every page, until they have", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({
      baseURL: BASE,
      extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() },
    });
    const page = await context.newPage();
    const clearer = await userOn("staff", true);
    await signIn(page, clearer);
    await expect(page).toHaveURL(/\/account\/security$/);
    await expect(page.getByTestId("second-factor-required")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    for (const target of ["/", "/briefings", "/briefings/new"]) {
      await page.goto(target);
      await expect(page).toHaveURL(/\/account\/security$/);
      const response = await page.request.get(target, { maxRedirects: 0, headers: { accept: "text/html" } });
      expect({ target, status: response.status() }).toEqual({ target, status: 307 });
      expect(response.headers().location).toContain("/account/security");
    }
    // Set up here, then every page opens.
    await page.getByRole("button", { name: "Set up two-step verification" }).click();
    const secret = ((await page.getByTestId("manual-key").textContent()) ?? "").replace(/\s/g, "");
    await page.getByLabel("Code from the app").fill(totpAt(secret, Math.floor(Date.now() / PERIOD_MS)));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByTestId("recovery-codes")).toBeVisible();
    await page.goto("/briefings");
    await expect(page).toHaveURL(/\/briefings$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    // An admin is held too, and can still sign out; a plain staff member is not held at all.
    const admin = await userOn("admin");
    const adminPage = await (
      await browser.newContext({ baseURL: BASE, extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })
    ).newPage();
    await signIn(adminPage, admin, "/admin/users");
    await expect(adminPage).toHaveURL(/\/account\/security$/);
    await adminPage.getByRole("button", { name: "Sign out" }).click();
    await expect(adminPage).toHaveURL(/\/sign-in/);

    const staff = await userOn("staff");
    const staffPage = await (
      await browser.newContext({ baseURL: BASE, extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })
    ).newPage();
    await signIn(staffPage, staff, "/briefings");
    await expect(staffPage).toHaveURL(/\/briefings$/);
    const audited = await readerOf(db)
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.action, "2fa.enabled"), eq(s.auditLog.entityId, clearer.id)));
    expect(audited).toHaveLength(1);
  });
});

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { closeDatabase, openDatabase, readerOf, type Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createUser } from "@/db/queries/users/create-user";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { e2eDb, makeUser, signIn, uniqueAddress } from "./fixtures";
import { databaseOfItsOwn } from "../helpers/e2e-database";

/**
 * A second server, started from the same build with the defaults a deployment gets: no
 * trusted proxy, no test hooks. Whose address counts: The main e2e server trusts one proxy hop (playwright.config.ts), so a
 * forwarded address is honoured; a second server started here from the same build runs as
 * deployed by default, with no trusted proxy, where a client-sent X-Forwarded-For must not
 * choose the address that throttling and the audit log use.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
let server: ChildProcess | undefined;
let dir: string;
let db: Database;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-untrusted-"));
  const database = await databaseOfItsOwn(dir);
  const env = {
    ...process.env,
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: database,
    CHANCERY_DEMO_USERS: "0",
    CHANCERY_TRUSTED_PROXY_HOPS: "0",
    CHANCERY_THROTTLE_MAX_PER_ADDRESS: "3",
    CHANCERY_TEST_HOOKS: "0", // as deployed: the failure hooks must not exist
  };
  server = spawn("node", ["server.mjs"], { env, stdio: "ignore" });
  const deadline = Date.now() + 100_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("the second server did not start");
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
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

async function failSignIn(browser: Browser, baseURL: string, email: string, forwardedFor: string) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": forwardedFor } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).not.toHaveText("");
  const message = (await page.locator("#sign-in-error").textContent()) ?? "";
  await context.close();
  return message;
}

const failedFrom = (on: Database, email: string) =>
  readerOf(on)
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.action, "auth.sign_in_failed"), eq(auditLog.actorEmail, email)));

// First: the address test below uses up this address's sign-in failures.
test("without CHANCERY_TEST_HOOKS=1 the failure hooks answer 404", async ({ browser }) => {
  const response = await fetch(`http://127.0.0.1:${PORT}/test-hooks/error`, { headers: { accept: "text/plain" } });
  expect(response.status).toBe(404);
  // Signed in as an admin, the pool hook is not there either.
  const user = await createUser({
    actor: SYSTEM_ACTOR,
    input: { email: "hooks-admin@e2e.example", name: "Hooks admin", role: "admin", password: "hooks-admin-password" },
    db,
  });
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${PORT}` });
  const page = await context.newPage();
  await signIn(page, { email: user.email, password: "hooks-admin-password" });
  expect((await page.request.post("/api/test-hooks/pdf-pool?action=stop")).status()).toBe(404);
  await expect.poll(async () => (await page.request.get("/api/ready")).status(), { timeout: 60_000 }).toBe(200);
  await context.close();
});

test("without a trusted proxy, a client-sent X-Forwarded-For neither names the address nor escapes the address limit", async ({
  browser,
}) => {
  const base = `http://127.0.0.1:${PORT}`;
  const messages: string[] = [];
  for (let i = 0; i < 4; i++) messages.push(await failSignIn(browser, base, `spray-${i}@e2e.example`, uniqueAddress()));
  expect(messages.slice(0, 3)).toEqual(Array(3).fill("Email or password is incorrect."));
  expect(messages[3]).toMatch(/^Too many attempts/); // the 4th account from the same socket, whatever the header said
  expect(await failedFrom(db, "spray-0@e2e.example")).toEqual([{ ip: "127.0.0.1" }]);
});

test("behind the trusted proxy, the address the proxy forwarded is the one audited", async ({ browser, baseURL }) => {
  const user = await makeUser("staff");
  const address = uniqueAddress();
  expect(await failSignIn(browser, baseURL!, user.email, address)).toBe("Email or password is incorrect.");
  expect(await failedFrom(e2eDb(), user.email)).toEqual([{ ip: address }]);
});

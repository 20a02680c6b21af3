import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import pg from "pg";
import { startTestCluster, type TestCluster } from "../helpers/pg-cluster";
import { signIn, uniqueAddress } from "./fixtures";

/**
 * Two app instances on one PostgreSQL database behave as one service (issue 17, docs/postgres.md
 * "Several instances"): two servers of the same build (`node server.mjs`, as `npm start`) on a
 * throwaway cluster of this file's own, with the same AUTH_SECRET and CHANCERY_2FA_KEY, started
 * at once on the empty database. The test reads the database with plain node-postgres, never the
 * data layer: this worker's engine is whatever the main e2e server runs on.
 *
 * Both listen on 127.0.0.1, and a browser sends a host's cookies to every port of it: a context
 * signed in through one instance is signed in on the other, as behind a load balancer.
 */
const PERIOD_MS = 30_000;
const FAILURES_PER_ACCOUNT = 4;

interface Instance {
  name: "A" | "B";
  url: string;
  log: string;
  process: ChildProcess;
}

let cluster: TestCluster | undefined;
let dir: string;
let instances: Instance[] = [];
let A: Instance;
let B: Instance;
let database: pg.Client;
let env: NodeJS.ProcessEnv;

/** A port nobody listens on now (the main e2e server and other suites keep theirs). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Environment both instances share: one database, one session key, one second-factor key. */
function sharedEnv(url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    CHANCERY_2FA_KEY: randomBytes(32).toString("hex"),
    CHANCERY_DATA_DIR: dir,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    // Each context sends its own X-Forwarded-For, so the address limits of one test stay its own.
    CHANCERY_TRUSTED_PROXY_HOPS: "1",
    CHANCERY_THROTTLE_MAX_FAILURES: String(FAILURES_PER_ACCOUNT),
    CHANCERY_TEST_HOOKS: "0",
  };
}

async function startInstance(name: Instance["name"], env: NodeJS.ProcessEnv): Promise<Instance> {
  const port = await freePort();
  const log = path.join(dir, `server-${name}.log`);
  const out = fs.openSync(log, "a");
  const child = spawn("node", ["server.mjs"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  return { name, url: `http://127.0.0.1:${port}`, log, process: child };
}

async function waitUntilReady(instance: Instance): Promise<void> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (instance.process.exitCode !== null)
      throw new Error(`instance ${instance.name} exited:\n${fs.readFileSync(instance.log, "utf8").slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`instance ${instance.name} did not become ready`);
    const ok = await fetch(`${instance.url}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    // Ready, and done with its set-up (the first test reads what it logged).
    if (ok && logLines(instance, "database ready").length > 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The JSON lines an instance logged with the message `msg`. */
function logLines(instance: Instance, msg: string): Record<string, unknown>[] {
  return fs
    .readFileSync(instance.log, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return []; // not JSON, or the last line half written
      }
    })
    .filter((line) => line.msg === msg);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-two-instances-"));
  cluster = startTestCluster();
  env = sharedEnv(cluster.url);
  // Both at once, on the empty database: migrations, seed and demo accounts must happen once.
  instances = [await startInstance("A", env), await startInstance("B", env)];
  [A, B] = instances;
  await Promise.all(instances.map(waitUntilReady));
  database = new pg.Client({ connectionString: cluster.url });
  await database.connect();
});

test.afterAll(async () => {
  for (const instance of instances) instance.process.kill("SIGKILL");
  await database?.end();
  cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function one<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T> {
  const { rows } = await database.query<T>(text, values);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** A fresh user, made with the built `user:add` script on the shared database. */
function addUser(role: "admin" | "staff"): { email: string; password: string } {
  const tag = randomUUID().slice(0, 8);
  const user = { email: `${role}-${tag}@two.example`, password: `pw-${tag}-long-enough` };
  const script = path.resolve(process.env.NEXT_DIST_DIR ?? ".next-e2e", "chancery", "scripts", "user-add.mjs");
  const result = spawnSync(
    process.execPath,
    [script, "--email", user.email, "--role", role, "--name", `Two ${role} ${tag}`],
    { env, input: `${user.password}\n`, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`user:add failed: ${result.stderr}${result.stdout}`);
  return user;
}

/** A page in a context of its own (its own client address) on an instance. */
async function pageOn(browser: Browser, instance: Instance): Promise<Page> {
  const context = await browser.newContext({
    baseURL: instance.url,
    extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() },
  });
  return context.newPage();
}

test("two instances starting at once on an empty database migrate, seed and create the demo accounts once", async () => {
  const seeded = instances.map((i) => logLines(i, "database ready")[0]?.seeded as Record<string, number>);
  const seeders = seeded.filter((s) => Object.keys(s ?? {}).length > 0);
  expect(seeders).toHaveLength(1);
  expect(seeded.filter((s) => s && Object.keys(s).length === 0)).toHaveLength(1);
  const { count: facts } = await one<{ count: number }>("SELECT count(*)::int AS count FROM facts");
  expect(facts).toBe(seeders[0].facts);
  expect(facts).toBeGreaterThan(0);
  const { count: demo } = await one<{ count: number }>(
    "SELECT count(*)::int AS count FROM users WHERE email LIKE '%@chancery.example'",
  );
  expect(demo).toBe(3);
  expect(
    instances.flatMap((i) =>
      logLines(i, "demo accounts created: change their passwords, or set CHANCERY_DEMO_USERS=0"),
    ),
  ).toHaveLength(1);
  const journal = JSON.parse(fs.readFileSync("drizzle-pg/meta/_journal.json", "utf8")) as { entries: unknown[] };
  const { count: migrations } = await one<{ count: number }>(
    "SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations",
  );
  expect(migrations).toBe(journal.entries.length);
});

test("the same fact saved at once through each instance: one save wins, the other is caught by the version check and nothing is lost", async ({
  browser,
}) => {
  const id = "fact-000-04";
  const before = await one<{ version: number }>("SELECT version FROM facts WHERE id = $1", [id]);
  const a = await pageOn(browser, A);
  const b = await pageOn(browser, B);
  await signIn(a, addUser("admin"));
  await signIn(b, addUser("admin"));
  await a.goto(`/admin/facts/${id}`);
  await b.goto(`/admin/facts/${id}`);
  await a.getByLabel("Text", { exact: true }).fill("Edited through instance A.");
  await b.getByLabel("Date note").fill("Note added through instance B.");
  await Promise.all([
    a.getByRole("button", { name: "Save fact" }).click(),
    b.getByRole("button", { name: "Save fact" }).click(),
  ]);
  const outcome = async (page: Page) => {
    await expect(page.getByText("Saved.").or(page.getByTestId("conflict"))).toBeVisible();
    return (await page.getByTestId("conflict").isVisible()) ? "conflict" : "saved";
  };
  const outcomes = [await outcome(a), await outcome(b)];
  expect(outcomes.sort()).toEqual(["conflict", "saved"]);
  const loser = (await a.getByTestId("conflict").isVisible()) ? a : b;
  // The loser sees the winner's edit beside their own, keeps both, and saves.
  await expect(loser.getByLabel("Text", { exact: true })).toHaveValue("Edited through instance A.");
  await expect(loser.getByLabel("Date note")).toHaveValue("Note added through instance B.");
  await loser.getByRole("button", { name: "Save with my choices" }).click();
  await expect(loser.getByText("Saved.")).toBeVisible();
  const after = await one<{ text: string; date_note: string; version: number }>(
    "SELECT text, date_note, version FROM facts WHERE id = $1",
    [id],
  );
  expect(after).toEqual({
    text: "Edited through instance A.",
    date_note: "Note added through instance B.",
    version: before.version + 2,
  });
  const { count: updates } = await one<{ count: number }>(
    "SELECT count(*)::int AS count FROM audit_log WHERE action = 'fact.updated' AND entity_id = $1",
    [id],
  );
  expect(updates).toBe(2);
});

test("a sign-out through one instance ends the session on the other: the same cookie gets the sign-in page and 401", async ({
  browser,
}) => {
  const page = await pageOn(browser, A);
  await signIn(page, addUser("staff"));
  // The cookie instance A issued is good on instance B: one service.
  await page.goto(`${B.url}/account/security`);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toContain("authjs.session-token");
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  await page.getByRole("button", { name: "Sign out" }).click(); // through B
  await expect(page).toHaveURL(/\/sign-in/);

  // The copy of the cookie, sent to instance A, opens nothing.
  await page.context().addCookies(cookies);
  await page.goto(`${A.url}/account/security`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  const route = await fetch(`${A.url}/briefings/not-a-briefing/pdf`, { headers: { cookie: cookieHeader } });
  expect(route.status).toBe(401);
});

test("the sign-in throttle counts failures spread over both instances", async ({ browser }) => {
  const user = addUser("staff");
  const address = uniqueAddress();
  const attempt = async (instance: Instance, password: string) => {
    const context = await browser.newContext({
      baseURL: instance.url,
      extraHTTPHeaders: { "x-forwarded-for": address },
    });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error")).not.toHaveText("");
    const message = (await page.locator("#sign-in-error").textContent()) ?? "";
    await context.close();
    return message;
  };
  // Alternating: each instance alone sees half the limit.
  const messages: string[] = [];
  for (let i = 0; i < FAILURES_PER_ACCOUNT; i++) messages.push(await attempt(i % 2 ? B : A, "not-the-password"));
  expect(messages).toEqual(Array(FAILURES_PER_ACCOUNT).fill("Email or password is incorrect."));
  // The next try is refused on either instance, the right password too.
  expect(await attempt(A, user.password)).toMatch(/^Too many attempts/);
  expect(await attempt(B, user.password)).toMatch(/^Too many attempts/);
});

test("a second-factor code used through one instance is refused by the other, also when both are sent at once", async ({
  browser,
}) => {
  test.setTimeout(120_000); // may wait up to one 30-second step for a code not yet used
  const user = addUser("staff");
  // Set up through instance A's pages.
  const setup = await pageOn(browser, A);
  await signIn(setup, user);
  await setup.goto("/account/security");
  await setup.getByRole("button", { name: "Set up two-step verification" }).click();
  const secret = ((await setup.getByTestId("manual-key").textContent()) ?? "").replace(/\s/g, "");
  const codeAt = (step: number) =>
    TOTP.generate({ secret: Secret.fromBase32(secret), digits: 6, period: 30, timestamp: step * PERIOD_MS });
  const enrolStep = Math.floor(Date.now() / PERIOD_MS);
  await setup.getByLabel("Code from the app").fill(codeAt(enrolStep));
  await setup.getByRole("button", { name: "Turn on" }).click();
  await expect(setup.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await setup.context().close();

  const atCodeStep = async (instance: Instance) => {
    const page = await pageOn(browser, instance);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
    return page;
  };
  const verify = async (page: Page, code: string) => {
    await page.getByLabel("Code", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByTestId("signed-in-as").or(page.locator("#code-error"))).toBeVisible();
    return (await page.getByTestId("signed-in-as").isVisible()) ? "signed in" : "refused";
  };
  // A code of the step after the one spent at enrolment (accepted one step either side).
  const fresh = () => codeAt(Math.max(Math.floor(Date.now() / PERIOD_MS), enrolStep + 1));

  // One after the other: used through A, replayed through B.
  const onA = await atCodeStep(A);
  const onB = await atCodeStep(B);
  const code = fresh();
  expect(await verify(onA, code)).toBe("signed in");
  expect(await verify(onB, code)).toBe("refused");
  await expect(onB.locator("#code-error")).toHaveText(/That code is not right/);

  // At once, through each instance: exactly one gets in.
  const { last } = await one<{ last: number }>(
    "SELECT last_used_step::int AS last FROM user_second_factors sf JOIN users u ON u.id = sf.user_id WHERE u.email = $1",
    [user.email],
  );
  let step = last + 1;
  while (step > Math.floor(Date.now() / PERIOD_MS) + 1) await new Promise((r) => setTimeout(r, 1000));
  step = Math.max(step, Math.floor(Date.now() / PERIOD_MS));
  const pages = [await atCodeStep(A), await atCodeStep(B)];
  const same = codeAt(step);
  for (const page of pages) await page.getByLabel("Code", { exact: true }).fill(same);
  await Promise.all(pages.map((page) => page.getByRole("button", { name: "Verify" }).click()));
  const results = await Promise.all(
    pages.map(async (page) => {
      await expect(page.getByTestId("signed-in-as").or(page.locator("#code-error"))).toBeVisible();
      return (await page.getByTestId("signed-in-as").isVisible()) ? "signed in" : "refused";
    }),
  );
  expect(results.sort()).toEqual(["refused", "signed in"]);
});

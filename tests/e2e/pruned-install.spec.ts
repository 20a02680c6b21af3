import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { closeDatabase, openDatabase, readerOf, type Database } from "@/db/client";
import { briefings, users } from "@/db/schema";
import { startSecondFactorSetup } from "@/db/queries/two-factor/start-second-factor-setup";
import { signIn } from "./fixtures";
import { databaseOfItsOwn } from "../helpers/e2e-database";
import { testEngine } from "../helpers/pg-databases";

/**
 * Deployed as Next.js services are: this tree copied to a folder of its own (tracked and
 * untracked-but-not-ignored files, as a fresh clone with the work in progress), then
 * `npm ci && npm run build && npm prune --omit=dev && npm start`. Without tsx or esbuild the
 * operator scripts still run (user:add, db:seed, briefing, user:reset-2fa…) and the server signs in and serves
 * a PDF rendered by its worker threads. Slow (a full install and build): one test, many steps.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 12;
const BASE = `http://127.0.0.1:${PORT}`;
const USER = { email: "operator@pruned.example", name: "Pruned Operator", password: "pruned-install-password" };

let dir: string | undefined;
let server: ChildProcess | undefined;
let serverOutput = "";
let db: Database | undefined;

/** The environment of a plain shell on the box: nothing of this test run's own settings. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([key]) =>
      !/^(npm_|NODE_ENV$|NODE_OPTIONS$|DATABASE_URL$|PORT$|HOSTNAME$|NEXT_|CHANCERY_|E2E_|AUTH_|PLAYWRIGHT|TEST_)/.test(
        key,
      ),
  );
  // npx and npm run put this repository's node_modules/.bin (tsx among them) on PATH: a
  // pruned install must not find its dev tools there.
  const searchPath = (process.env.PATH ?? "")
    .split(":")
    .filter((dir) => !dir.includes("node_modules"))
    .join(":");
  // No NODE_ENV on purpose (npm ci would skip the build tools), which Next's typing of process.env requires.
  const env: Record<string, string | undefined> = { ...Object.fromEntries(kept), PATH: searchPath, ...extra };
  return env as NodeJS.ProcessEnv;
}

/** Runs a command (in the install unless told) to its end, within `timeoutMs`; its output, or an error carrying it. */
function run(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; input?: string; timeoutMs: number; cwd?: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? dir,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
      timeout: options.timeoutMs,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.end(options.input ?? "");
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`${command} ${args.join(" ")} ended with ${signal ?? `code ${code}`}:\n${output.slice(-4000)}`),
        );
    });
  });
}

const pdfText = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn("pdftotext", [file, "-"], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`pdftotext ended with code ${code}`))));
  });

async function waitForHealth(deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (server?.exitCode !== null) throw new Error(`npm start ended:\n${serverOutput.slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer /api/health:\n${serverOutput.slice(-4000)}`);
    if (
      await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A step's duration, printed for the record (never asserted). */
async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await test.step(name, fn);
  console.log(`[pruned-install] ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

test.afterAll(async () => {
  if (db) closeDatabase(db);
  if (server?.pid && server.exitCode === null) {
    // npm start runs node server.mjs through a shell: end the group it leads.
    const exited = new Promise((r) => server!.once("exit", r));
    process.kill(-server.pid, "SIGTERM");
    const killer = setTimeout(() => server?.pid && process.kill(-server.pid, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("a pruned production install builds, runs the operator scripts and serves a signed-in PDF download", async ({
  browser,
}) => {
  test.setTimeout(20 * 60_000);
  const app = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-pruned-"));
  dir = app;
  // On a PostgreSQL run, a database of the run's cluster, and the keys every instance must share.
  const postgres = testEngine() === "postgres";
  const database = postgres ? await databaseOfItsOwn(app) : path.join(app, "data", "pruned.db");
  const env = cleanEnv({
    DATABASE_URL: database,
    CHANCERY_DEMO_USERS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(postgres ? { AUTH_SECRET: process.env.AUTH_SECRET!, CHANCERY_2FA_KEY: process.env.CHANCERY_2FA_KEY! } : {}),
  });

  await timed("copy the tree", async () => {
    const listed = await run("git", ["ls-files", "-z", "-co", "--exclude-standard"], {
      cwd: process.cwd(),
      env: cleanEnv(),
      timeoutMs: 60_000,
    });
    const files = listed.split("\0").filter(Boolean);
    expect(files).toContain("package-lock.json");
    for (const file of files) {
      if (!fs.existsSync(file)) continue; // deleted in the work tree, not yet committed
      fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
      fs.copyFileSync(file, path.join(app, file));
    }
  });

  await timed("npm ci", () => run("npm", ["ci", "--no-audit", "--no-fund"], { env, timeoutMs: 10 * 60_000 }));
  await timed("npm run build", () => run("npm", ["run", "build"], { env, timeoutMs: 10 * 60_000 }));
  await timed("npm prune --omit=dev", () =>
    run("npm", ["prune", "--omit=dev", "--no-audit", "--no-fund"], { env, timeoutMs: 5 * 60_000 }),
  );
  for (const devTool of ["tsx", "esbuild", "typescript", "vitest"]) {
    expect(fs.existsSync(path.join(app, "node_modules", devTool)), `${devTool} pruned`).toBe(false);
  }

  await timed("operator scripts", async () => {
    expect(await run("npm", ["run", "db:seed"], { env, timeoutMs: 120_000 })).toContain("Seeded");
    const added = await run(
      "npm",
      ["run", "user:add", "--", "--email", USER.email, "--role", "staff", "--name", USER.name],
      {
        env,
        input: `${USER.password}\n`,
        timeoutMs: 120_000,
      },
    );
    expect(added).toContain(`Created staff ${USER.email}`);
    await run("npm", ["run", "briefing", "--", "--country", "Kazakhstan", "--out", "x.pdf"], {
      env,
      timeoutMs: 120_000,
    });
    const text = await pdfText(path.join(app, "x.pdf"));
    expect(text).toContain("Kazakhstan: country briefing");
    // The rest of the operator's kit: migrate, export and import back, backup, disable a user.
    await run("npm", ["run", "db:migrate"], { env, timeoutMs: 120_000 });
    await run("npm", ["run", "db:export", "--", "export.json"], { env, timeoutMs: 120_000 });
    expect(JSON.parse(fs.readFileSync(path.join(app, "export.json"), "utf8")).facts.length).toBeGreaterThan(50);
    await run("npm", ["run", "db:import", "--", "export.json"], { env, timeoutMs: 120_000 });
    const backup = run("npm", ["run", "db:backup", "--", "backups/copy.db"], { env, timeoutMs: 120_000 });
    // PostgreSQL's backups are its own tools': the script says which and exits 1.
    if (postgres) await expect(backup).rejects.toThrow(/pg_dump/);
    else expect(await backup).toMatch(/integrity|ok/i);
    await run(
      "npm",
      ["run", "user:add", "--", "--email", "leaver@pruned.example", "--role", "staff", "--name", "Leaver"],
      {
        env,
        input: "leaver-password-long\n",
        timeoutMs: 120_000,
      },
    );
    await run("npm", ["run", "user:disable", "--", "--email", "leaver@pruned.example"], { env, timeoutMs: 120_000 });
    // The command line's way back in for a locked-out admin: a second factor reset.
    const local = openDatabase(database);
    try {
      const [leaver] = await readerOf(local).select().from(users).where(eq(users.email, "leaver@pruned.example"));
      const actor = {
        userId: leaver.id,
        email: leaver.email,
        name: leaver.name,
        role: leaver.role,
        clearer: false,
        clearanceLevel: "OFFICIAL" as const,
        ip: null,
      };
      await startSecondFactorSetup({ actor, db: local });
    } finally {
      closeDatabase(local);
    }
    expect(
      await run("npm", ["run", "user:reset-2fa", "--", "--email", "leaver@pruned.example"], {
        env,
        timeoutMs: 120_000,
      }),
    ).toContain("Reset the two-step verification of leaver@pruned.example");
  });

  await timed("npm start", async () => {
    server = spawn("npm", ["start"], {
      cwd: app,
      env: { ...env, PORT: String(PORT), HOSTNAME: "127.0.0.1" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
    await waitForHealth(120_000);
  });
  // The generated session key went to the app's data folder, not the working directory's; with
  // PostgreSQL the shared AUTH_SECRET is required and nothing is generated.
  expect(fs.existsSync(path.join(app, "data", "auth-secret"))).toBe(!postgres);

  await timed("sign in, compose and download a PDF", async () => {
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await signIn(page, USER);
    // Composed through the pages, as a desk officer does: country, one topic, create, save.
    await page.goto("/briefings/new");
    await page.getByLabel("Country").selectOption("KZ");
    for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
    await page.getByRole("checkbox", { name: "Trade and investment" }).check();
    await page.getByRole("button", { name: "Show matching facts" }).click();
    await page.getByRole("button", { name: /Create Kazakhstan briefing/ }).click();
    await expect(page).toHaveURL(/\/briefings\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop()!;
    db = openDatabase(database);
    expect(await readerOf(db).select().from(briefings).where(eq(briefings.id, id))).toHaveLength(1);
    // The route the Download PDF button fetches, with the browser's session.
    const response = await page.request.get(`/briefings/${id}/pdf`, { timeout: 120_000 });
    expect(response.status(), await response.text().catch(() => "")).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const file = path.join(app, "downloaded.pdf");
    fs.writeFileSync(file, await response.body());
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(file);
    expect(text).toContain("Kazakhstan");
    expect(text).toContain("Trade and investment");
    await context.close();
  });
  expect(serverOutput).not.toMatch(/PDF worker error|tsx\/esm|Cannot find (module|package)/);
});

/**
 * npm run bench:load — a bounded mixed workload of signed-in users against the real built
 * server on 127.0.0.1, with its own temporary database (never data/chancery.db).
 *
 * Virtual users, one per account, each signed in once, loop for a fixed time over a weighted
 * mix with think time: light pages (briefing list, composer, preview, admin fact list),
 * proposals (/briefings/new with a country and topics), saves (the composer's save action,
 * posted as the browser posts it) and PDF downloads. Meanwhile PDF downloaders keep about
 * 4× the PDF pool's capacity in flight. Prints requests, statuses and p50/p99 per kind, the
 * server's RSS (start, peak, end), whether every acknowledged save landed, and judges the
 * targets of issue 11 (PASS/MISS; a benchmark reports, it never fails the build).
 *
 * Flags: --quick (10 s), --duration S, --users N, --pdf-concurrency N, --port P, --build
 * (build even when .next exists), --start "<command>" (the server's start command; it gets
 * PORT, DATABASE_URL and NODE_ENV=production in its environment), --baseline-env "K=V[,K=V]"
 * (a baseline side by side: a server with those settings and one without take turns,
 * --rounds N each, default 2, and a table prints each figure's median and the ratio).
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { createUser } from "@/db/queries/users/create-user";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { actionId, postFormAction, refusedStatus, signIn } from "./load-actions";
import { residentBytes, startServer, type RunningServer } from "./load-server";
import { compareRuns, LoadTally, pdfPoolCapacity, pickWeighted, type Outcome, type RunFigures } from "./load-stats";
import { mb } from "./measure";

/** How the server is started: `npm start` (server.mjs, with its malloc setting), or --start "<cmd>" with $PORT. */
const DEFAULT_START = "npm start";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    start: { type: "string", default: DEFAULT_START },
    users: { type: "string", default: "12" },
    duration: { type: "string" },
    "pdf-concurrency": { type: "string" },
    port: { type: "string", default: "3510" },
    "baseline-env": { type: "string" },
    rounds: { type: "string", default: "2" },
  },
});

const USERS = Number(flags.users);
const DURATION_S = Number(flags.duration ?? (flags.quick ? 10 : 30));
const POOL_THREADS = os.availableParallelism(); // the server's pool uses the same default
const PDF_CONCURRENCY = Number(flags["pdf-concurrency"] ?? 4 * pdfPoolCapacity(POOL_THREADS));
const PORT = Number(flags.port);
const ROUNDS = Number(flags.rounds);
/** The baseline server's extra settings (--baseline-env), or null for a single run. */
const BASELINE_ENV = flags["baseline-env"] === undefined ? null : parseSettings(flags["baseline-env"]);
const BRIEFINGS_PER_USER = 2;
const MAX_REQUESTS = 100_000; // a second bound besides the time
const PAGE_TIMEOUT_MS = 30_000;
const PDF_TIMEOUT_MS = 60_000; // longer than the pool's 30 s render limit, so a 504 can show
const THINK_MS: [number, number] = [200, 600];
const LIGHT_PAGES = ["list", "composer", "preview", "admin facts"] as const;
const LIGHT_P99_TARGET_MS = 200;

const MIX = { list: 3, composer: 3, preview: 2, "admin facts": 2, proposal: 2, save: 2, pdf: 1 };
type Kind = keyof typeof MIX;

const COUNTRIES = ["KZ", "UZ", "KG"];
const TOPICS = ["trade-investment", "transport-connectivity", "security", "health"];

for (const [name, n] of [
  ["--users", USERS],
  ["--duration", DURATION_S],
  ["--pdf-concurrency", PDF_CONCURRENCY],
  ["--port", PORT],
  ["--rounds", ROUNDS],
] as const) {
  if (!Number.isInteger(n) || n < 0 || (name !== "--pdf-concurrency" && n < 1))
    throw new Error(`${name} must be a whole number (got ${n}).`);
}
if (PORT < 1024 || PORT > 65535) throw new Error("--port must be between 1024 and 65535.");

/** "K=V,K2=V2" as environment entries; a malformed entry stops the bench before anything runs. */
function parseSettings(text: string): Record<string, string> {
  const entries = text.split(",").map((entry) => {
    const match = /^\s*([A-Z][A-Z0-9_]*)=(.*?)\s*$/.exec(entry);
    if (!match) throw new Error(`--baseline-env takes K=V[,K=V] (got "${entry}").`);
    return [match[1], match[2]] as const;
  });
  return Object.fromEntries(entries);
}

interface OwnBriefing {
  id: string;
  version: number;
  payload: Record<string, unknown>;
}
interface VirtualUser {
  index: number;
  actor: Actor;
  cookie: string;
  briefings: OwnBriefing[];
  saves: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];

/** The body the composer posts on save (app/briefings/[id]/compose/types.ts toPayload), built from the stored draft. */
async function composerPayload(db: Database, actor: Actor, briefingId: string): Promise<OwnBriefing> {
  const view = await getBriefingView({ actor, briefingId, db });
  const payload = {
    title: view.title,
    marking: view.content.marking,
    purpose: view.content.purpose,
    keyMessages: view.content.keyMessages,
    background: view.content.background,
    occasion: view.content.occasion,
    sections: view.sections.map((s) => ({
      topicId: s.topicId,
      items: s.items.map((i) => ({ factId: i.factId, included: i.included, note: i.note })),
    })),
  };
  return { id: briefingId, version: view.version, payload };
}

async function makeUsers(db: Database, baseUrl: string, signInId: string): Promise<VirtualUser[]> {
  const users: VirtualUser[] = [];
  const tag = crypto.randomBytes(3).toString("hex");
  for (let index = 0; index < USERS; index++) {
    const role = index % 4 === 0 ? "admin" : "staff"; // admins load the admin fact list too
    const input = {
      email: `load-${tag}-${index}@bench.example`,
      name: `Load ${index}`,
      role,
      password: `load-${tag}-${index}-password`,
    } as const;
    const user = await createUser({ actor: SYSTEM_ACTOR, input, db });
    const actor: Actor = {
      userId: user.id,
      email: input.email,
      name: input.name,
      role,
      clearer: false,
      clearanceLevel: "OFFICIAL",
      ip: null,
    };
    const briefings: OwnBriefing[] = [];
    for (let n = 0; n < BRIEFINGS_PER_USER; n++) {
      const topics = n === 0 ? [] : TOPICS.filter(() => Math.random() < 0.5); // [] = every topic
      const id = await createBriefing({
        actor,
        input: newBriefingSchema.parse({ country: COUNTRIES[(index + n) % COUNTRIES.length], topics }),
        db,
      });
      briefings.push(await composerPayload(db, actor, id));
    }
    const cookie = await signIn({ baseUrl, id: signInId, email: input.email, password: input.password });
    users.push({ index, actor, cookie, briefings, saves: 0 });
  }
  return users;
}

/** One GET, timed to the last byte of the body. */
async function timedGet(
  url: string,
  cookie: string,
  accept: string,
  timeoutMs: number,
): Promise<{ outcome: Outcome; ms: number }> {
  const start = performance.now();
  try {
    const response = await fetch(url, {
      headers: { Cookie: cookie, Accept: accept },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return { outcome: response.status, ms: performance.now() - start };
  } catch (error) {
    const outcome = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network error";
    return { outcome, ms: performance.now() - start };
  }
}

function proposalPath(): string {
  const params = new URLSearchParams({ country: pick(COUNTRIES) });
  for (const topic of TOPICS) if (Math.random() < 0.5) params.append("topics", topic);
  if (Math.random() < 0.3) params.set("q", pick(["trade", "cooperation", "energy", "visit"]));
  return `/briefings/new?${params}`;
}

/** A real save of the composer: the action's own answer decides (409 when stale, 500 when it broke). */
async function save(ctx: RunContext, user: VirtualUser): Promise<{ outcome: Outcome; ms: number }> {
  const briefing = pick(user.briefings);
  const payload = {
    ...briefing.payload,
    version: briefing.version,
    purpose: `Load run: save ${user.saves + 1} by user ${user.index}.`,
  };
  const start = performance.now();
  try {
    const response = await postFormAction({
      baseUrl: ctx.server.baseUrl,
      page: `/briefings/${briefing.id}`,
      id: ctx.saveId,
      cookie: user.cookie,
      fields: { briefingId: briefing.id, payload: JSON.stringify(payload) },
      timeoutMs: PAGE_TIMEOUT_MS,
    });
    const body = await response.text();
    const ms = performance.now() - start;
    const refused = response.status === 200 ? refusedStatus(body) : null;
    if (response.status === 200 && refused === null && body.includes('"ok":true')) {
      briefing.version += 1; // only this virtual user writes its briefings
      user.saves += 1;
      ctx.acknowledgedSaves += 1;
    } else if (refused === 409) {
      briefing.version = (await composerPayload(ctx.db, user.actor, briefing.id)).version;
    }
    return { outcome: refused ?? response.status, ms };
  } catch (error) {
    const outcome = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network error";
    return { outcome, ms: performance.now() - start };
  }
}

interface RunContext {
  server: RunningServer;
  db: Database;
  saveId: string;
  tally: LoadTally;
  deadline: number;
  acknowledgedSaves: number;
}

const running = (ctx: RunContext) => Date.now() < ctx.deadline && ctx.tally.total < MAX_REQUESTS;

async function request(ctx: RunContext, user: VirtualUser, kind: Kind): Promise<void> {
  const base = ctx.server.baseUrl;
  const briefing = pick(user.briefings);
  const html = "text/html,application/xhtml+xml";
  const result =
    kind === "list"
      ? await timedGet(`${base}/briefings`, user.cookie, html, PAGE_TIMEOUT_MS)
      : kind === "composer"
        ? await timedGet(`${base}/briefings/${briefing.id}`, user.cookie, html, PAGE_TIMEOUT_MS)
        : kind === "preview"
          ? await timedGet(`${base}/briefings/${briefing.id}/preview`, user.cookie, html, PAGE_TIMEOUT_MS)
          : kind === "admin facts"
            ? await timedGet(`${base}/admin/facts`, user.cookie, html, PAGE_TIMEOUT_MS)
            : kind === "proposal"
              ? await timedGet(`${base}${proposalPath()}`, user.cookie, html, PAGE_TIMEOUT_MS)
              : kind === "pdf"
                ? await timedGet(`${base}/briefings/${briefing.id}/pdf`, user.cookie, "application/pdf", PDF_TIMEOUT_MS)
                : await save(ctx, user);
  ctx.tally.record(kind, result.outcome, result.ms);
}

/** A user at work: a weighted mix of requests with think time; staff never open the admin pages. */
async function virtualUser(ctx: RunContext, user: VirtualUser): Promise<void> {
  const weights = user.actor.role === "admin" ? MIX : { ...MIX, "admin facts": 0 };
  while (running(ctx)) {
    await request(ctx, user, pickWeighted(weights, Math.random()));
    await pause(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
  }
}

/**
 * Keeps one PDF download in flight. After a refusal (503/429) it pauses briefly rather than
 * for the whole Retry-After, so the pressure on the pool stays at the level asked for.
 */
async function pdfDownloader(ctx: RunContext, user: VirtualUser): Promise<void> {
  while (running(ctx)) {
    const { outcome, ms } = await timedGet(
      `${ctx.server.baseUrl}/briefings/${pick(user.briefings).id}/pdf`,
      user.cookie,
      "application/pdf",
      PDF_TIMEOUT_MS,
    );
    ctx.tally.record("pdf", outcome, ms);
    if (outcome !== 200) await pause(100);
  }
}

/** Versions in the database against the saves the server acknowledged: every acknowledged save must have landed. */
async function landedSaves(db: Database, users: VirtualUser[]): Promise<number> {
  let bumps = 0;
  for (const user of users)
    for (const b of user.briefings) bumps += (await composerPayload(db, user.actor, b.id)).version - 1;
  return bumps;
}

const ms = (n: number) => (Number.isNaN(n) ? "—" : n.toFixed(0));

async function report(
  ctx: RunContext,
  users: VirtualUser[],
  seconds: number,
  rss: { start: number; peak: number; end: number },
): Promise<RunFigures> {
  const { tally } = ctx;
  console.log(
    `\n${"kind".padEnd(12)} ${"requests".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)}  statuses`,
  );
  for (const row of tally.summary()) {
    const statuses = row.statuses.map(([outcome, n]) => `${outcome}×${n}`).join("  ");
    console.log(
      `${row.kind.padEnd(12)} ${String(row.requests).padStart(8)} ${ms(row.p50).padStart(7)} ${ms(row.p99).padStart(7)}  ${statuses}`,
    );
  }
  console.log(
    `${"total".padEnd(12)} ${String(tally.total).padStart(8)}  in ${seconds.toFixed(1)} s (${(tally.total / seconds).toFixed(0)} requests/s)`,
  );
  console.log(
    `\nServer RSS (VmRSS of pid ${ctx.server.pid}): start ${mb(rss.start)}, peak ${mb(rss.peak)}, end ${mb(rss.end)}`,
  );
  const landed = await landedSaves(ctx.db, users);
  console.log(
    `Saves: ${ctx.acknowledgedSaves} acknowledged, ${landed} version bumps in the database${landed === ctx.acknowledgedSaves ? "" : " — MISMATCH"}`,
  );

  const { serverErrors, unanswered } = tally.failures();
  const lightP99 = tally.percentileOf(LIGHT_PAGES, 99);
  const figures: RunFigures = {
    lightP50: tally.percentileOf(LIGHT_PAGES, 50),
    lightP99,
    saves: ctx.acknowledgedSaves,
    pdfsServed: tally.count("pdf", 200),
    pdfsRefused: tally.count("pdf", 503) + tally.count("pdf", 429),
    rssEndBytes: rss.end,
    failures: serverErrors + unanswered,
  };
  const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
  console.log("\nTargets (issue 11):");
  console.log(
    `  ${verdict(serverErrors === 0 && unanswered === 0)}  no 500–502/504 and no request left unanswered under ${PDF_CONCURRENCY} concurrent PDF downloads: ${serverErrors} server errors, ${unanswered} unanswered (503/429 are honest refusals)`,
  );
  console.log(
    `  ${verdict(lightP99 < LIGHT_P99_TARGET_MS)}  light pages (${LIGHT_PAGES.join(", ")}) p99 < ${LIGHT_P99_TARGET_MS} ms: ${ms(lightP99)} ms`,
  );
  if (serverErrors > 0) {
    // What the server said about its failures, once each, so a MISS comes with its cause.
    const said = new Set(
      ctx.server
        .log()
        .split("\n")
        .filter((line) => /error|⨯|failed/i.test(line))
        .map((line) => line.trim().slice(0, 200)),
    );
    console.log(
      `\nServer log, distinct error lines (first 5 of ${said.size}):\n  ${[...said].slice(0, 5).join("\n  ")}`,
    );
  }
  return figures;
}

async function main() {
  // The same folder the build writes and the server reads (next.config.mjs distDir).
  const buildDir = path.resolve(process.env.NEXT_DIST_DIR || ".next");
  // The server's PDF threads load the worker that `npm run build` bundles after `next build`.
  const built = ["BUILD_ID", "chancery/pdf-worker.mjs"].every((file) => fs.existsSync(path.join(buildDir, file)));
  if (flags.build || !built) {
    console.log("Building (npm run build)…");
    execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  }
  const signInId = actionId(buildDir, "app/sign-in/actions.ts", "signInAction");
  const saveId = actionId(buildDir, "app/briefings/actions.ts", "saveBriefingAction");
  if (!BASELINE_ENV) {
    await runOnce({ signInId, saveId, env: {} });
    return;
  }
  // Turns, so a drift of the machine over the runs falls on both sides alike.
  const baseline: RunFigures[] = [];
  const candidate: RunFigures[] = [];
  const settings = Object.entries(BASELINE_ENV)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`\n=== Round ${round} of ${ROUNDS}: baseline (${settings}) ===`);
    baseline.push(await runOnce({ signInId, saveId, env: BASELINE_ENV }));
    console.log(`\n=== Round ${round} of ${ROUNDS}: this code as configured ===`);
    candidate.push(await runOnce({ signInId, saveId, env: {} }));
  }
  console.log(
    `\nSide by side, median over ${ROUNDS} run(s) each (every run in brackets); ratio = this code ÷ baseline:`,
  );
  const rows = compareRuns(baseline, candidate);
  const width = Math.max(...rows.map((row) => row.baseline.length), "baseline".length);
  console.log(`${"".padEnd(28)} ${"baseline".padEnd(width)}  ${"this code".padEnd(width)}  ratio`);
  for (const row of rows)
    console.log(
      `${row.label.padEnd(28)} ${row.baseline.padEnd(width)}  ${row.candidate.padEnd(width)}  ${Number.isNaN(row.ratio) ? "—" : `${row.ratio.toFixed(2)}×`}`,
    );
}

/** One server on a fresh database, the workload against it, and its report. */
async function runOnce({
  signInId,
  saveId,
  env,
}: {
  signInId: string;
  saveId: string;
  env: Record<string, string>;
}): Promise<RunFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-load-"));
  const file = path.join(dir, "load.db");
  let server: RunningServer | undefined;
  let db: Database | undefined;
  // The server runs in its own process group, so Ctrl-C does not reach it: stop it ourselves.
  const interrupted = async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  };
  const onSignal = () => void interrupted();
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    server = await startServer({
      command: flags.start,
      port: PORT,
      env: {
        PORT: String(PORT),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: file,
        NODE_ENV: "production",
        AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        CHANCERY_DEMO_USERS: "0",
        ...env,
      },
    });
    db = openDatabase(file); // migrated and seeded by the server's first start
    const users = await makeUsers(db, server.baseUrl, signInId);
    const capacity = pdfPoolCapacity(POOL_THREADS);
    console.log(
      `bench:load: ${USERS} signed-in users (${users.filter((u) => u.actor.role === "admin").length} admins) for ${DURATION_S} s, ` +
        `plus ${PDF_CONCURRENCY} concurrent PDF downloads (pool capacity ${capacity}: ${POOL_THREADS} threads + queue of ${capacity - POOL_THREADS}).`,
    );
    console.log(
      `Server: ${flags.start} (pid ${server.pid}), database ${file}. This machine's cores may be shared: figures are noisy.`,
    );

    const ctx: RunContext = {
      server,
      db,
      saveId,
      tally: new LoadTally(),
      deadline: Date.now() + DURATION_S * 1000,
      acknowledgedSaves: 0,
    };
    const rssStart = residentBytes(server.pid) ?? 0;
    let rssPeak = rssStart;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, residentBytes(server!.pid) ?? 0);
    }, 200);
    const started = performance.now();
    await Promise.all([
      ...users.map((user) => virtualUser(ctx, user)),
      ...Array.from({ length: PDF_CONCURRENCY }, (_, n) => pdfDownloader(ctx, users[n % users.length])),
    ]);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const rssEnd = residentBytes(server.pid) ?? 0;
    return await report(ctx, users, seconds, { start: rssStart, peak: Math.max(rssPeak, rssEnd), end: rssEnd });
  } catch (error) {
    if (server) console.error(`Server output (last lines):\n${server.log().split("\n").slice(-30).join("\n")}`);
    throw error;
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    if (db) closeDatabase(db);
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createUser } from "@/db/queries/users/create-user";
import { seedDatabase } from "@/db/seed/seed";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { sqlRows, sqlWrite } from "../helpers/db";
import { databaseOfItsOwn, shareInstanceKeys } from "../helpers/e2e-database";
import { AppClient } from "./app-client";
import { ServerProcess } from "./server-process";

/**
 * Crash rounds: start the real built server on its own database, create briefings through
 * it from several concurrent writers, kill -9 it while writes are in flight, check the file,
 * start again. A write counts as acknowledged when the server answered the redirect to the
 * new briefing; every acknowledged write must be in the database, which must pass
 * integrity_check (on PostgreSQL: amcheck of its indexes), after every round. The database is
 * the engine's under test (tests/helpers/e2e-database.ts).
 */
export interface CrashOptions {
  rounds: number;
  port: number;
  /** Concurrent writers per round. */
  writers?: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  rounds: number;
  acknowledged: number;
  /** Acknowledged writes missing (or changed) after a crash: must be empty. */
  lost: string[];
  /** Writes cut off by a kill that had committed anyway (allowed, just counted). */
  landedUnacknowledged: number;
  /** Answers other than the redirect from a live server, and failures before the kill: must be empty. */
  unexpected: string[];
  integrity: string;
  seconds: number;
  databaseFile: string;
}

const USER = {
  email: "crash@reliability.test",
  password: "crash-rounds-password",
  name: "Crash Rounds",
  role: "staff" as const,
};
const MAX_WRITES_PER_WRITER = 500;
const ROUND_LIMIT_MS = 180_000;

// Each round kills after 5..40 acknowledged writes, spread by a fixed hash of the round number.
const killAfter = (round: number) => 5 + ((Math.imul(round, 2654435761) >>> 0) % 36);

export async function runCrashRounds(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const deadline = started + options.rounds * ROUND_LIMIT_MS;
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-crash-"));
  shareInstanceKeys();
  const databaseFile = await databaseOfItsOwn(dir);
  await prepareDatabase(databaseFile);
  const serverOptions = { port: options.port, databaseFile, authSecret: randomBytes(32).toString("base64url") };
  const client = new AppClient(`http://127.0.0.1:${options.port}`);
  const acked = new Map<string, string>();
  const report: CrashReport = {
    rounds: 0,
    acknowledged: 0,
    lost: [],
    landedUnacknowledged: 0,
    unexpected: [],
    integrity: "",
    seconds: 0,
    databaseFile,
  };

  for (let round = 1; round <= options.rounds; round++) {
    if (Date.now() > deadline) throw new Error(`Crash rounds ran past their time limit at round ${round}.`);
    const server = await ServerProcess.start(serverOptions);
    const inFlight = new Set<string>();
    try {
      if (round === 1) await client.signIn(USER.email, USER.password); // the cookie outlives restarts
      const form = await client.openNewBriefing("KZ", "health");
      await writeUntilKilled({
        client,
        form,
        server,
        round,
        writers: options.writers ?? 4,
        acked,
        inFlight,
        unexpected: report.unexpected,
      });
    } finally {
      await server.kill();
    }
    const check = await checkDatabase(databaseFile, acked);
    report.rounds = round;
    report.lost = check.lost;
    report.integrity = check.integrity;
    report.landedUnacknowledged = check.unacknowledged;
    log(
      `round ${round}: ${acked.size} acknowledged, ${inFlight.size} cut off, integrity ${check.integrity}, lost ${check.lost.length}`,
    );
    if (check.lost.length || check.integrity !== "ok" || report.unexpected.length) break;
  }
  // One more start: the server must come up on the file the last kill left.
  await (await ServerProcess.start(serverOptions)).kill();
  report.acknowledged = acked.size;
  report.seconds = (Date.now() - started) / 1000;
  if (!report.lost.length && report.integrity === "ok" && !report.unexpected.length)
    fs.rmSync(dir, { recursive: true, force: true });
  return report;
}

async function prepareDatabase(file: string): Promise<void> {
  const db = openDatabase(file);
  try {
    await migrateDatabase(db);
    await seedDatabase(db);
    await createUser({ actor: SYSTEM_ACTOR, input: USER, db });
  } finally {
    closeDatabase(db);
  }
}

interface RoundState {
  client: AppClient;
  form: [string, string][];
  server: ServerProcess;
  round: number;
  writers: number;
  acked: Map<string, string>;
  inFlight: Set<string>;
  unexpected: string[];
}

/** Writers post until the round's kill (or a refusal, which ends the round early and is reported). */
async function writeUntilKilled(s: RoundState): Promise<void> {
  let ackedThisRound = 0;
  let killing: Promise<void> | undefined;
  // The kill is awaited once, where the round ends (through `killing`).
  const killNow = (): void => {
    killing ??= s.server.kill();
  };
  const writer = async (w: number) => {
    for (let n = 1; !killing && n <= MAX_WRITES_PER_WRITER; n++) {
      const tag = `crash r${s.round} w${w} n${n}`;
      s.inFlight.add(tag);
      try {
        const result = await s.client.createBriefing(s.form, tag);
        s.inFlight.delete(tag);
        if ("refused" in result) {
          s.unexpected.push(`round ${s.round}: "${tag}" answered ${result.refused}`);
          killNow();
        } else {
          s.acked.set(result.id, tag);
          if (++ackedThisRound === killAfter(s.round)) killNow();
        }
      } catch (error) {
        if (!killing) {
          s.unexpected.push(
            `round ${s.round}: "${tag}" failed before the kill: ${String(error)}\n${s.server.output()}`,
          );
          killNow();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: s.writers }, (_, w) => writer(w + 1)));
  killNow();
  await killing;
}

/**
 * Opens the database as the app would after a crash (SQLite recovering its WAL) and checks it:
 * SQLite's integrity_check of the file; on PostgreSQL, whose server is not the process killed,
 * amcheck's verification of every B-tree index (the tables and indexes the app wrote).
 */
async function checkDatabase(
  file: string,
  acked: Map<string, string>,
): Promise<{ integrity: string; lost: string[]; unacknowledged: number }> {
  const db = openDatabase(file);
  try {
    const integrity = db.engine === "postgres" ? await indexesCheck(db) : await fileCheck(db);
    const rows = await sqlRows<{ id: string; tag: string }>(
      db,
      db.engine === "postgres"
        ? sql`SELECT id, content->'occasion'->>'meeting' AS tag FROM briefings WHERE content->'occasion'->>'meeting' LIKE 'crash r%'`
        : sql`SELECT id, json_extract(content, '$.occasion.meeting') AS tag FROM briefings WHERE json_extract(content, '$.occasion.meeting') LIKE 'crash r%'`,
    );
    const stored = new Map(rows.map((r) => [r.id, r.tag]));
    const lost = [...acked].filter(([id, tag]) => stored.get(id) !== tag).map(([id, tag]) => `${tag} (${id})`);
    return { integrity, lost, unacknowledged: rows.filter((r) => !acked.has(r.id)).length };
  } finally {
    closeDatabase(db);
  }
}

async function fileCheck(db: Database): Promise<string> {
  const verdict = await sqlRows<{ integrity_check: string }>(db, sql`PRAGMA integrity_check`);
  return verdict.map((r) => r.integrity_check).join("; ");
}

/** "ok", or the first index amcheck finds corrupt (it raises an error naming it). */
async function indexesCheck(db: Database): Promise<string> {
  await sqlWrite(db, sql`CREATE EXTENSION IF NOT EXISTS amcheck`);
  try {
    await sqlRows(
      db,
      sql`SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE a.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence = 'p'`,
    );
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

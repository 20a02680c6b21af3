import { fork, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase } from "@/db/backup";
import { closeDatabase, openDatabase, withWriteTransaction } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";
import { recordAudit } from "@/db/queries/_record-audit";
import { seedDatabase } from "@/db/seed/seed";
import { sqlRows } from "../helpers/db";

const WRITER = path.resolve("tests/reliability/audit-writer.ts");
const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

let dir: string;
let writer: ChildProcess | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-backup-"));
});
afterEach(() => {
  writer?.kill("SIGKILL");
  writer = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A seeded database grown to about 6 MB: a page-by-page copy of it takes many steps (100 pages
 * each for `.backup()`), so writes land in the middle of any copy that is not one snapshot.
 */
async function makeLiveDatabase({ filler = true } = {}): Promise<string> {
  const file = path.join(dir, "live.db");
  const db = openDatabase(file);
  try {
    await migrateDatabase(db);
    if (!filler) return file;
    await seedDatabase(db);
    const actor = { userId: null, email: "filler@reliability.test", ip: null };
    await withWriteTransaction(db, async (tx) => {
      for (let i = 0; i < 500; i++)
        await recordAudit(tx, {
          actor,
          action: "reliability.filler",
          entity: "reliability",
          detail: { text: "x".repeat(10_000) },
        });
    });
    return file;
  } finally {
    closeDatabase(db);
  }
}

/** Starts the writer process; resolves once it has acknowledged `warmUp` writes. */
function startWriter(file: string, warmUp: number): Promise<{ acked: () => number; stop: () => Promise<number> }> {
  let acked = 0;
  const child = fork(WRITER, [file], {
    execArgv: ["--import", "tsx", "--import", "./scripts/server-only/register.mjs"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  writer = child;
  return new Promise((resolveStarted, reject) => {
    let resolveDone: (n: number) => void;
    const done = new Promise<number>((resolve) => (resolveDone = resolve));
    const stream = { acked: () => acked, stop: () => (child.send("stop"), done) };
    child.on("message", (m: { acked?: number; done?: number }) => {
      if (m.acked) acked = m.acked;
      if (m.acked === warmUp) resolveStarted(stream);
      if (m.done !== undefined) resolveDone(m.done);
    });
    child.on("exit", (code) => reject(new Error(`the writer exited (${code}) before it started`)));
  });
}

const TICKER_BUDGET = 300;

/**
 * Writes on a second connection of this process, one row per turn of the event loop, until
 * stopped or TICKER_BUDGET is spent. A backup that copies in steps and yields between them
 * (better-sqlite3's `.backup()`) meets a write after every step and starts over each time, so
 * it can only finish once the budget is spent: the test then fails instead of hanging.
 */
function startTicker(file: string) {
  const db = openDatabase(file);
  const actor = { userId: null, email: "ticker@reliability.test", ip: null };
  let writes = 0;
  let stopped = false;
  let ticking: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (stopped || writes >= TICKER_BUDGET) return;
    await withWriteTransaction(db, (tx) =>
      recordAudit(tx, { actor, action: "reliability.tick", entity: "reliability" }),
    );
    writes += 1;
    setImmediate(() => {
      ticking = tick();
    });
  };
  setImmediate(() => {
    ticking = tick();
  });
  return {
    writes: () => writes,
    stop: async () => {
      stopped = true;
      await ticking; // a write in flight finishes before its connection closes
      closeDatabase(db);
    },
  };
}

const writtenIds = async (file: string): Promise<Set<number>> => {
  const db = openDatabase(file);
  try {
    const rows = await sqlRows<{ id: string }>(
      db,
      sql`SELECT entity_id AS id FROM audit_log WHERE action = 'reliability.write'`,
    );
    return new Set(rows.map((r) => Number(r.id)));
  } finally {
    closeDatabase(db);
  }
};

// SQLite only: backupDatabase copies a SQLite file. On PostgreSQL db:backup copies nothing and
// says to use pg_dump (the describe below, its PostgreSQL counterpart).
describe.runIf(ENGINE === "sqlite")("backupDatabase", () => {
  it("copies a live database under a steady stream of writes: consistent, 0600, every write acknowledged before it began", async () => {
    const live = await makeLiveDatabase();
    const target = path.join(dir, "backup.db");
    const stream = await startWriter(live, 50);

    const ticker = startTicker(live);
    const ackedBefore = stream.acked();
    const report = await backupDatabase({ source: live, target });
    const tickerWrites = ticker.writes();
    await ticker.stop();
    const total = await stream.stop();

    // Online: the backup finished while writes kept coming (the ticker never ran out), and the
    // other process's stream really ran around it.
    expect(tickerWrites, "the backup only finished once the writes stopped").toBeLessThan(TICKER_BUDGET);
    expect(total).toBeGreaterThan(ackedBefore);
    expect(modeOf(target)).toBe("600");
    expect(fs.existsSync(`${target}-wal`)).toBe(false); // one self-contained file

    // Restore as the README says: copy the file where the app looks, open it with the app's settings.
    const restored = path.join(dir, "restored", "chancery.db");
    fs.mkdirSync(path.dirname(restored));
    fs.copyFileSync(target, restored);
    const db = openDatabase(restored);
    try {
      expect(await sqlRows(db, sql`PRAGMA integrity_check`)).toEqual([{ integrity_check: "ok" }]);
      expect(await sqlRows(db, sql`SELECT count(*) AS n FROM facts`)).toEqual([{ n: report.rows.facts }]);
    } finally {
      closeDatabase(db);
    }
    const inCopy = await writtenIds(restored);
    const missing = Array.from({ length: ackedBefore }, (_, i) => i + 1).filter((id) => !inCopy.has(id));
    expect(missing, "acknowledged before the backup began, missing from it").toEqual([]);
    // A snapshot holds a prefix of the stream, nothing torn: ids 1..max with no gap.
    expect(inCopy.size).toBe(Math.max(...inCopy));
    expect(report.rows.audit_log).toBeGreaterThan(500);
  }, 60_000);

  it("refuses to overwrite an existing file and leaves it as it was", async () => {
    const live = await makeLiveDatabase({ filler: false });
    const target = path.join(dir, "taken.db");
    fs.writeFileSync(target, "keep me");
    await expect(backupDatabase({ source: live, target })).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
  });

  it("refuses a source that does not exist instead of copying a new empty database", async () => {
    const target = path.join(dir, "backup.db");
    await expect(backupDatabase({ source: path.join(dir, "absent.db"), target })).rejects.toThrow(/no database/);
    expect(fs.existsSync(path.join(dir, "absent.db"))).toBe(false);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("creates a missing folder for the backup, private as data/ is", async () => {
    const live = await makeLiveDatabase({ filler: false });
    const target = path.join(dir, "backups", "nightly", "chancery.db");
    await backupDatabase({ source: live, target });
    expect(fs.statSync(path.dirname(target)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });
});

describe.runIf(ENGINE === "postgres")("db:backup on PostgreSQL", () => {
  it("copies nothing: it prints the pg_dump and pg_restore commands to use instead, and exits 1", () => {
    const target = path.join(dir, "backup.dump");
    // DATABASE_URL is this test file's PostgreSQL database (tests/helpers/engine-setup.ts).
    const run = spawnSync(process.execPath, ["scripts/run.mjs", "db-backup", target], {
      encoding: "utf8",
      env: process.env,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("db:backup copies SQLite files only; it took no backup");
    expect(run.stderr).toContain(`pg_dump --format=custom --file=${JSON.stringify(target)} "$DATABASE_URL"`);
    expect(run.stderr).toContain("pg_restore");
    expect(fs.existsSync(target)).toBe(false);
  }, 60_000);
});

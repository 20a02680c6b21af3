import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { closeDatabase, openDatabase, runStatement, withWriteTransaction, type Database } from "@/db/client";
import type { PgConnections } from "@/db/client-postgres";

/**
 * Where bench:compose builds a fact base, per engine: a temporary SQLite file, or a database
 * of its own on the throwaway PostgreSQL cluster the benchmark started (never the real
 * database). Each gives fresh planner statistics and the baseline copy (./compose.ts).
 */
export interface BenchStore {
  /** The fact base's location, for openDatabase. */
  readonly location: string;
  /** Fresh planner statistics, as a long-running database would have (PostgreSQL: and its visibility map). */
  analyze(db: Database): Promise<void>;
  /**
   * The baseline: a copy without what serves proposals — the party, topic and date indexes, and
   * fact_party_topics as a plain heap without its key (so a country's rows are a scan). Read
   * only, so the triggers that write fact_party_topics never run on it. Closes `db`.
   */
  makeBaseline(db: Database): Promise<Database>;
  remove(): Promise<void>;
}

const BASELINE_DROPS = ["fact_parties_party_idx", "fact_topics_topic_idx", "facts_date_idx"];

export function sqliteStore(): BenchStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-bench-"));
  const file = path.join(dir, "bench.db");
  const analyze = (db: Database) => withWriteTransaction(db, (tx) => runStatement(tx, sql`ANALYZE`));
  return {
    location: file,
    analyze,
    async makeBaseline(db) {
      const baselineFile = path.join(dir, "baseline.db");
      // Closing the database first folds its WAL into the file copied.
      closeDatabase(db);
      fs.copyFileSync(file, baselineFile);
      const baseline = openDatabase(baselineFile);
      await withWriteTransaction(baseline, async (tx) => {
        for (const idx of BASELINE_DROPS) await runStatement(tx, sql.raw(`DROP INDEX IF EXISTS ${idx}`));
        await runStatement(tx, sql`CREATE TABLE fact_party_topics_heap AS SELECT * FROM fact_party_topics`);
        await runStatement(tx, sql`DROP TABLE fact_party_topics`);
        // Legacy: the triggers writing fact_party_topics are not rewritten (nor checked) by the rename.
        await runStatement(tx, sql`PRAGMA legacy_alter_table = ON`);
        await runStatement(tx, sql`ALTER TABLE fact_party_topics_heap RENAME TO fact_party_topics`);
      });
      await analyze(baseline);
      // Reopened: a connection opened before the schema changed may plan with the old one.
      closeDatabase(baseline);
      return openDatabase(baselineFile);
    },
    async remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `url` (postgres://…/<database>?host=…) naming another database of the same cluster. */
const databaseUrl = (url: string, name: string) => url.replace(/\/[^/?]*\?/, `/${name}?`);

/** Runs statements outside a transaction (VACUUM, CREATE DATABASE) on one connection of its own. */
async function onConnection(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database named `name` on the cluster of `clusterUrl` (its `chancery` database). */
export async function postgresStore(clusterUrl: string, name: string): Promise<BenchStore> {
  const baselineName = `${name}_baseline`;
  await onConnection(clusterUrl, [`CREATE DATABASE ${name}`]);
  const location = databaseUrl(clusterUrl, name);
  const analyze = (db: Database) => onConnection(db.file, ["VACUUM ANALYZE"]);
  return {
    location,
    analyze,
    async makeBaseline(db) {
      closeDatabase(db);
      // A template must have no connections: the pools end in the background, so wait for them.
      await (db.connections as PgConnections).ended;
      for (let attempt = 1; ; attempt++) {
        try {
          await onConnection(clusterUrl, [`CREATE DATABASE ${baselineName} TEMPLATE ${name}`]);
          break;
        } catch (error) {
          if (attempt === 50 || !/being accessed by other users/.test(String(error))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const baselineUrl = databaseUrl(clusterUrl, baselineName);
      await onConnection(baselineUrl, [
        ...BASELINE_DROPS.map((idx) => `DROP INDEX IF EXISTS ${idx}`),
        "CREATE TABLE fact_party_topics_heap AS SELECT * FROM fact_party_topics",
        "DROP TABLE fact_party_topics",
        // The trigger functions name the table in their bodies, looked up when they run.
        "ALTER TABLE fact_party_topics_heap RENAME TO fact_party_topics",
        "VACUUM ANALYZE",
      ]);
      return openDatabase(baselineUrl);
    },
    async remove() {
      // FORCE: the pools closed just before may not have ended yet.
      await onConnection(clusterUrl, [
        `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
        `DROP DATABASE IF EXISTS ${baselineName} WITH (FORCE)`,
      ]);
    },
  };
}

import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import * as schema from "@/db/schema-pg";
import { startTestCluster, type TestCluster } from "./pg-cluster";

/**
 * A throwaway PostgreSQL cluster (./pg-cluster.ts) with drizzle-pg's migrations applied by
 * drizzle's node-postgres migrator, and drizzle over a small pool. close() ends the pool and
 * stops the cluster. Throws (PostgresMissingError) when PostgreSQL is not installed.
 */
export interface TestPgDb {
  db: NodePgDatabase<typeof schema>;
  url: string;
  close(): Promise<void>;
}

export async function createMigratedPgDb(): Promise<TestPgDb> {
  const cluster: TestCluster = startTestCluster();
  const pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
  try {
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder: path.resolve(import.meta.dirname, "../../drizzle-pg") });
    return {
      db,
      url: cluster.url,
      async close() {
        try {
          await pool.end();
        } finally {
          cluster.stop();
        }
      },
    };
  } catch (error) {
    await pool.end();
    cluster.stop();
    throw error;
  }
}

export type PgDb = TestPgDb["db"];

/**
 * One migrated cluster for the calling test file: started before its tests (then `setup`),
 * closed after them. Without PostgreSQL every test of the file fails with the reason, so the
 * count shows them failed, never skipped; a describe's own beforeAll checks `available()`.
 */
export function pgDbForFile(setup?: (db: PgDb) => Promise<void>): { db(): PgDb; available(): boolean } {
  let t: TestPgDb | undefined;
  let unavailable: unknown;
  beforeAll(async () => {
    try {
      t = await createMigratedPgDb();
    } catch (error) {
      unavailable = error;
      return;
    }
    await setup?.(t.db);
  }, 120_000);
  beforeEach(() => {
    if (unavailable) throw unavailable;
  });
  afterAll(() => t?.close());
  return {
    db() {
      if (!t) throw unavailable ?? new Error("The PostgreSQL test database is not started yet.");
      return t.db;
    },
    available: () => t !== undefined,
  };
}

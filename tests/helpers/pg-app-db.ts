import { afterAll, beforeAll, beforeEach } from "vitest";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startTestCluster, type TestCluster } from "./pg-cluster";

/**
 * For test files about the PostgreSQL client itself, run in every Vitest run (SQLite's too),
 * which import ./use-postgres-engine first: a throwaway cluster of the file's own, migrated by
 * db/migrate.ts and opened through db/client.ts. Without PostgreSQL installed every test of
 * the file fails with the reason.
 */
export function appPgDbForFile(): {
  url(): string;
  db(): Database;
  open(options?: { writeLockTimeoutMs?: number }): Database;
} {
  let cluster: TestCluster | undefined;
  let db: Database | undefined;
  let unavailable: unknown;
  const opened: Database[] = [];
  beforeAll(async () => {
    try {
      cluster = startTestCluster();
      db = openDatabase(cluster.url);
      await migrateDatabase(db);
    } catch (error) {
      unavailable = error;
    }
  }, 120_000);
  beforeEach(() => {
    if (unavailable) throw unavailable;
  });
  afterAll(async () => {
    for (const d of [db, ...opened]) if (d) closeDatabase(d);
    for (const d of [db, ...opened]) if (d?.connections.engine === "postgres") await d.connections.ended;
    cluster?.stop();
  });
  return {
    url: () => cluster!.url,
    db: () => db!,
    open(options) {
      const d = openDatabase(cluster!.url, options);
      opened.push(d);
      return d;
    },
  };
}

import { sql } from "drizzle-orm";
import { getDb, readerOf, selectRows } from "../client";
import { migrationState, type MigrationState } from "../migrate";

export interface DatabaseStatus {
  /** The file opens, answers, and every migration is applied. */
  ok: boolean;
  migrations?: MigrationState;
}

/** Whether the app's database can serve requests; never throws (readiness reports, it does not fail). */
export async function databaseStatus(): Promise<DatabaseStatus> {
  try {
    const db = getDb();
    await selectRows(readerOf(db), sql`SELECT 1`);
    const migrations = await migrationState(db);
    return { ok: migrations.pending === 0, migrations };
  } catch {
    return { ok: false };
  }
}

/** The quick liveness check: the database opens and answers a read of the schema's first table. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await selectRows(readerOf(getDb()), sql`SELECT 1 FROM parties LIMIT 1`);
    return true;
  } catch {
    return false;
  }
}

import { sql } from "drizzle-orm";
import { getDb } from "../client";
import { migrationState, type MigrationState } from "../migrate";

export interface DatabaseStatus {
  /** The file opens, answers, and every migration is applied. */
  ok: boolean;
  migrations?: MigrationState;
}

/** Whether the app's database can serve requests; never throws (readiness reports, it does not fail). */
export function databaseStatus(): DatabaseStatus {
  try {
    const db = getDb();
    db.get(sql`SELECT 1`);
    const migrations = migrationState(db);
    return { ok: migrations.pending === 0, migrations };
  } catch {
    return { ok: false };
  }
}

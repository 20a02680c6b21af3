import pg from "pg";
import type { Database } from "../client";

/**
 * A number of our own for pg_advisory_lock ("chance" in ASCII). Every instance starting on
 * one database asks for the same lock.
 */
export const SETUP_LOCK_KEY = 0x6368_616e_6365;

/**
 * Runs `fn` (migrations, seeding, demo accounts) while holding a PostgreSQL session advisory
 * lock, so app instances starting at once on an empty database do the set-up one after
 * another: the first does it, the others wait, then find nothing missing. The lock is held by
 * a connection of its own (a session lock belongs to its session, and the pools hand out
 * different sessions) and ends with it, even if this process dies. SQLite needs none: one
 * file has one app instance, and its writes already queue.
 */
export async function withSetupLock<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  if (db.engine !== "postgres") return fn();
  const client = new pg.Client({ connectionString: db.file, application_name: "chancery-setup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [SETUP_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [SETUP_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

import { AsyncLocalStorage } from "node:async_hooks";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type * as schema from "./schema";

/**
 * What queries run on: the reader, or the connection of the transaction they are in. Typed as
 * SQLite's drizzle on both engines; on PostgreSQL it is node-postgres's drizzle, cast once in
 * db/client-postgres.ts (the schema's row types are the same: db/schema/index.ts).
 */
export type Tx = BetterSQLite3Database<typeof schema>;

/** A transaction open in this async context, which data functions called inside join. */
export interface OpenTransaction<Db> {
  db: Db;
  tx: Tx;
  kind: "write" | "read";
  /** Savepoints opened inside it, for nested writes. */
  depth: number;
  /** False once committed or rolled back: a promise that outlives it must not use it. */
  open: boolean;
  /**
   * PostgreSQL: a serialization failure or deadlock seen inside (even one a nested call caught):
   * the whole transaction is rolled back and run again.
   */
  mustRetry?: unknown;
}

export const current = new AsyncLocalStorage<OpenTransaction<unknown>>();

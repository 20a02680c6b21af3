import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { is, sql, type SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { PgDatabase } from "drizzle-orm/pg-core";
import pg from "pg";
import { DatabaseBusyError } from "@/lib/errors";
import { log } from "@/lib/log";
import * as pgSchema from "./schema-pg";
import { current, type OpenTransaction, type Tx } from "./transaction-scope";

/*
 * The PostgreSQL driver behind db/client.ts (node-postgres pools, drizzle over them). The query
 * code keeps its SQLite types: the connections are handed to it as `Tx` through the one cast
 * in `asTx` below, which is safe because db/schema/index.ts gives it db/schema-pg's tables,
 * whose row types equal SQLite's (tests/unit/schema-engines.test.ts), and the builder calls it
 * makes run on PostgreSQL (tests/unit/postgres-schema.test.ts).
 *
 * Two pools per database:
 * - writers, used only inside write transactions: SERIALIZABLE, so read-then-write code (the
 *   last active admin, a version check, a unique name) behaves as under SQLite's single writer.
 *   A serialization failure (40001) or deadlock (40P01) rolls the whole transaction back and runs
 *   the callback again, a few times with jittered backoff, then answers 503.
 * - readers, whose sessions are `default_transaction_read_only`, for plain statements outside
 *   any transaction (a write that forgot its transaction fails loudly, as on SQLite's
 *   query_only reader) and for read transactions (REPEATABLE READ READ ONLY: one snapshot).
 * Waiting longer than the acquire timeout for a connection answers 503, like SQLite's write lock.
 */

export type PgDb = NodePgDatabase<typeof pgSchema>;

export interface PgConnections {
  engine: "postgres";
  writer: PgDb;
  writerPool: pg.Pool;
  /** The reader pool's drizzle, as the query code sees it. */
  reader: Tx;
  readerDb: PgDb;
  pools: pg.Pool[];
  closed: boolean;
  /** Settles once every pool has ended (closeDatabase starts it). */
  ended?: Promise<void>;
}

/** Connections per pool and process (PostgreSQL allows 100 by default; each instance has two pools). */
const POOL_SIZE = 10;
/** Runs of one write transaction before a persistent serialization failure answers 503. */
const WRITE_ATTEMPTS = 5;
const RETRYABLE = new Set(["40001", "40P01"]);

/*
 * int8 (count(*), sum() of integers, the bigint millisecond columns in raw SQL) arrives from
 * node-postgres as a string, so `count` would be "3" where SQLite gives 3. Counts, ids and
 * millisecond times are far below 2^53, where a JavaScript number is exact, so they are parsed
 * to numbers, process-wide (drizzle's own type parsers fall back to pg's global ones). A value
 * beyond 2^53 stays a string rather than silently losing digits (throwing here would throw
 * inside the socket's data handler). numeric (avg(), sum() of int8) stays a string.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (text: string) => {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
});

/** The one cast: node-postgres's drizzle (or transaction) handed to the SQLite-typed query code. */
function asTx(db: PgDb | Parameters<Parameters<PgDb["transaction"]>[0]>[0]): Tx {
  return db as unknown as Tx;
}

/** The PostgreSQL connection behind a `Tx`, for the few statements this layer runs itself. */
function asPg(tx: Tx): PgDb {
  return tx as unknown as PgDb;
}

function newPool(url: string, role: "writer" | "reader", acquireTimeoutMs: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: acquireTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: `chancery-${role}`,
    ...(role === "reader" ? { options: "-c default_transaction_read_only=on" } : {}),
  });
  // An idle connection the server drops (restart, failover) must not crash the process.
  pool.on("error", (error) => log.warn({ err: error, role }, "PostgreSQL dropped an idle connection"));
  return pool;
}

export function openPostgres(url: string, options: { acquireTimeoutMs: number }): PgConnections {
  const writerPool = newPool(url, "writer", options.acquireTimeoutMs);
  const readerPool = newPool(url, "reader", options.acquireTimeoutMs);
  const readerDb = drizzle(readerPool, { schema: pgSchema });
  return {
    engine: "postgres",
    writer: drizzle(writerPool, { schema: pgSchema }),
    writerPool,
    reader: asTx(readerDb),
    readerDb,
    pools: [writerPool, readerPool],
    closed: false,
  };
}

export function closePostgres(c: PgConnections): void {
  if (c.closed) return;
  c.closed = true;
  c.ended = Promise.all(c.pools.map((pool) => pool.end())).then(() => undefined);
  c.ended.catch((error: unknown) => log.warn({ err: error }, "closing the PostgreSQL pools failed"));
}

/** The driver's error code, looking through drizzle's DrizzleQueryError (its `cause`). */
function pgCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ("code" in e && typeof e.code === "string") return e.code;
  }
  return undefined;
}

export function isRetryable(error: unknown): boolean {
  const code = pgCode(error);
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * pg-pool's error when no connection frees up within connectionTimeoutMillis, or node-postgres's
 * when opening a new one takes longer (a server too loaded to accept it): both a 503, not a 500.
 */
function isAcquireTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.message === "timeout exceeded when trying to connect" ||
      error.message === "Connection terminated due to connection timeout")
  );
}

/** Full jitter: a random wait up to 20, 40, 80, 160 ms, so colliding writers spread out. */
function backoffMs(attempt: number): number {
  return Math.random() * 10 * 2 ** attempt;
}

export interface WriteOptions {
  /**
   * Keys whose writers must take turns rather than race (PostgreSQL): transactions naming a
   * common key run one after another, as every write does on SQLite. For hot spots many
   * requests hit at once (the sign-in throttle's counts for one account or address), where
   * SERIALIZABLE would fail all but one each round and exhaust the retries.
   */
  serializeOn?: readonly string[];
}

export async function pgWriteTransaction<T, Db>(
  db: Db,
  c: PgConnections,
  fn: (tx: Tx) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const keys = [...new Set(options.serializeOn ?? [])].sort(); // one order: no deadlock between key sets
  if (keys.length === 0) return retried(db, c.writer, fn);
  // The locks are taken before BEGIN, on the connection the transaction then uses: a lock
  // taken inside would come after the snapshot (SERIALIZABLE takes it at the first
  // statement), and the snapshot would miss what the previous holder committed.
  let client: pg.PoolClient;
  try {
    client = await c.writerPool.connect();
  } catch (error) {
    if (isAcquireTimeout(error)) throw new DatabaseBusyError();
    throw error;
  }
  let broken: unknown;
  try {
    for (const key of keys) await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
    return await retried(db, drizzle(client, { schema: pgSchema }), fn);
  } catch (error) {
    broken = error;
    throw error;
  } finally {
    try {
      await client.query("SELECT pg_advisory_unlock_all()");
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : new Error(String(error)));
      if (broken === undefined) throw error;
    }
  }
}

/** One write transaction, run again whole after a serialization failure or deadlock. */
async function retried<T, Db>(db: Db, writer: PgDb, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const transaction: OpenTransaction<Db> = { db, tx: asTx(writer), kind: "write", depth: 0, open: true };
    try {
      return await writer.transaction(
        async (pgTx) => {
          transaction.tx = asTx(pgTx);
          const result = await current.run(transaction, () => fn(transaction.tx));
          // A nested call caught a serialization failure: what it read is not to be trusted.
          if (transaction.mustRetry !== undefined) throw transaction.mustRetry;
          return result;
        },
        { isolationLevel: "serializable" },
      );
    } catch (error) {
      if (isAcquireTimeout(error)) throw new DatabaseBusyError();
      if (!isRetryable(error) && transaction.mustRetry === undefined) throw error;
      if (attempt === WRITE_ATTEMPTS) {
        log.warn({ attempts: attempt, code: pgCode(error) }, "write transaction kept failing to serialize");
        throw new DatabaseBusyError();
      }
      await sleep(backoffMs(attempt));
    } finally {
      transaction.open = false;
    }
  }
}

export async function pgSavepoint<T, Db>(outer: OpenTransaction<Db>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const name = sql.raw(`nested_${++outer.depth}`);
  const tx = asPg(outer.tx);
  await tx.execute(sql`SAVEPOINT ${name}`);
  try {
    const result = await fn(outer.tx);
    await tx.execute(sql`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    if (isRetryable(error)) outer.mustRetry ??= error;
    await tx.execute(sql`ROLLBACK TO SAVEPOINT ${name}`);
    await tx.execute(sql`RELEASE SAVEPOINT ${name}`);
    throw error;
  } finally {
    outer.depth--;
  }
}

export async function pgReadTransaction<T, Db>(db: Db, c: PgConnections, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const transaction: OpenTransaction<Db> = { db, tx: c.reader, kind: "read", depth: 0, open: true };
  try {
    return await c.readerDb.transaction(
      async (pgTx) => {
        transaction.tx = asTx(pgTx);
        return current.run(transaction, () => fn(transaction.tx));
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
  } catch (error) {
    if (isAcquireTimeout(error)) throw new DatabaseBusyError();
    throw error;
  } finally {
    transaction.open = false;
  }
}

/** Whether a `Tx` is really a PostgreSQL connection or transaction. */
export function isPostgresTx(tx: Tx): boolean {
  return is(tx, PgDatabase);
}

export async function pgRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = await asPg(tx).execute(query);
  return result.rows as T[];
}

export async function pgRun(tx: Tx, query: SQL): Promise<void> {
  await asPg(tx).execute(query);
}

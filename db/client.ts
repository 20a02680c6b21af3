// The data layer runs on the server only: a client component that imported it would fail the
// build. Plain Node runs (scripts, tests) resolve this to an empty module (scripts/server-only/).
import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { E_TIMEOUT, Mutex, Semaphore, withTimeout, type MutexInterface } from "async-mutex";
import BetterSqlite3 from "better-sqlite3";
import { fillPlaceholders, sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { dataDir } from "@/lib/app-paths";
import { withoutPassword } from "@/lib/database-engine";
import { DatabaseBusyError } from "@/lib/errors";
import { MARK_CLOSE, MARK_OPEN } from "@/lib/search/highlight";
import {
  closePostgres,
  isPostgresTx,
  openPostgres,
  pgReadTransaction,
  pgRows,
  pgRun,
  pgSavepoint,
  pgWriteTransaction,
  type PgConnections,
  type WriteOptions,
} from "./client-postgres";
import { ENGINE, engineOf, type Engine } from "./engine";
import * as schema from "./schema";
import {
  current as currentTransaction,
  type OpenTransaction as AnyOpenTransaction,
  type Tx,
} from "./transaction-scope";

export type { Tx, WriteOptions };

/*
 * The SQLite driver: the only module that runs statements synchronously (`.run()`, `.get()`,
 * `.all()`, `$client`). Everything else awaits drizzle's query builders and opens transactions
 * with `withWriteTransaction` / `withReadTransaction`, so the same query code can later run on
 * an asynchronous driver.
 *
 * better-sqlite3 is synchronous and refuses async transaction callbacks, and an async
 * transaction on a connection other requests also use would let their statements into it
 * (and let them read its uncommitted rows). So each database has three kinds of connection:
 * - one writer, used only inside write transactions, taken one at a time behind an
 *   in-process lock and opened with BEGIN IMMEDIATE (which also queues other processes);
 * - one reader for plain statements outside any transaction, which sees committed rows only
 *   and is `query_only`, so a write that forgot its transaction fails loudly;
 * - up to READ_SNAPSHOTS connections for read transactions (reads that must agree).
 * A data function called inside an open transaction joins it through AsyncLocalStorage:
 * it reads that transaction's own rows and commits or rolls back with it.
 *
 * With a PostgreSQL DATABASE_URL the same functions run on node-postgres pools instead
 * (db/client-postgres.ts says how); the engine is chosen once, at import (db/engine.ts).
 */

/** A connection as this module holds it: drizzle over one better-sqlite3 client. */
type Connection = Tx & { $client: BetterSqlite3.Database };

/** How long a write waits for the in-process write lock before answering 503. */
const WRITE_LOCK_TIMEOUT_MS = 10_000;
/** Read transactions open at once; more wait for one to finish. */
const READ_SNAPSHOTS = 4;

/** One database (a SQLite file or a PostgreSQL database) and its connections. Get the app's with `getDb()`. */
export interface Database {
  /** The SQLite file's path, or the PostgreSQL URL (which openDatabase also takes). */
  readonly file: string;
  readonly engine: Engine;
  /** @internal the driver's state: use the functions of this module. */
  readonly connections: Connections | PgConnections;
}

interface Connections {
  engine: "sqlite";
  writer: Connection;
  writeLock: MutexInterface;
  reader: Connection;
  snapshots: Connection[];
  snapshotSlots: Semaphore;
  all: BetterSqlite3.Database[];
  closed: boolean;
}

type OpenTransaction = AnyOpenTransaction<Database>;

const current = currentTransaction as AsyncLocalStorage<OpenTransaction>;

/**
 * DATABASE_URL: a PostgreSQL URL as it is, a SQLite path resolved (a relative one from the
 * working directory); unset, chancery.db in the data directory.
 */
export function databasePath(): string {
  const configured = process.env.DATABASE_URL;
  if (configured && engineOf(configured) === "postgres") return configured;
  return configured ? path.resolve(/*turbopackIgnore: true*/ configured) : path.join(dataDir(), "chancery.db");
}

/** The database for logs and messages: the SQLite path, or the PostgreSQL URL without its password. */
export function databaseLabel(): string {
  return withoutPassword(databasePath());
}

/**
 * Creates a missing database file empty with mode 0600 (its folder 0700 when missing) before
 * SQLite opens it: SQLite would create it 0644, world-readable, and gives the -wal and -shm
 * files the database file's mode. An existing file or folder keeps the mode its operator set.
 */
export function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", 0o600);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") return;
    throw error;
  }
  try {
    fs.fchmodSync(fd, 0o600); // exactly 0600 whatever the umask
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens one connection with the settings every connection must have. WAL lets readers run
 * beside the writer; synchronous=FULL makes a committed transaction survive power loss.
 * Exported for db/copy/, which opens a SQLite file beside a process's own engine.
 */
export function connectSqlite(file: string, options: { queryOnly: boolean }): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // 64 MB of page cache (the default is 2 MB): proposal queries touch a country's whole index.
  sqlite.pragma("cache_size = -65536");
  if (options.queryOnly) sqlite.pragma("query_only = ON");
  // SQLite's lower() and LIKE fold ASCII only; list filters must match "мурат" to "Мурат".
  sqlite.function("casefold", { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? value.normalize("NFC").toLowerCase() : value,
  );
  return sqlite;
}

/**
 * Opens a SQLite file (creating it private if missing) with its writer and reader connections,
 * or, given a PostgreSQL URL, that database's pools. `writeLockTimeoutMs`: how long a write
 * waits for the write lock (SQLite) or a pooled connection (PostgreSQL) before answering 503.
 */
export function openDatabase(file: string, options: { writeLockTimeoutMs?: number } = {}): Database {
  const engine = engineOf(file);
  if (engine !== ENGINE) {
    throw new Error(
      `Cannot open a ${engine} database: this process runs on ${ENGINE} (DATABASE_URL at start-up picked its tables).`,
    );
  }
  if (engine === "postgres") {
    const connections = openPostgres(file, { acquireTimeoutMs: options.writeLockTimeoutMs ?? WRITE_LOCK_TIMEOUT_MS });
    return { file, engine, connections };
  }
  createPrivateFile(file);
  const writerClient = connectSqlite(file, { queryOnly: false }); // first: it switches the file to WAL
  const readerClient = connectSqlite(file, { queryOnly: true });
  const connections: Connections = {
    engine: "sqlite",
    writer: drizzle(writerClient, { schema }),
    writeLock: withTimeout(new Mutex(), options.writeLockTimeoutMs ?? WRITE_LOCK_TIMEOUT_MS),
    reader: drizzle(readerClient, { schema }),
    snapshots: [],
    snapshotSlots: new Semaphore(READ_SNAPSHOTS),
    all: [writerClient, readerClient],
    closed: false,
  };
  return { file, engine, connections };
}

/**
 * Closes every connection of a database (scripts and tests, before exiting or deleting the
 * file). PostgreSQL's pools end in the background (the process exits once they have).
 */
export function closeDatabase(db: Database): void {
  if (db.connections.engine === "postgres") return closePostgres(db.connections);
  db.connections.closed = true;
  for (const client of db.connections.all) if (client.open) client.close();
}

// Cached on globalThis so Next's dev reloads and the many route modules share one database.
const globalForDb = globalThis as unknown as { chanceryDb?: Database };

/** The app's database, opened on first use (never at import, so `next build` touches no file). */
export function getDb(): Database {
  const file = databasePath();
  const cached = globalForDb.chanceryDb;
  if (!cached || cached.file !== file || cached.connections.closed) {
    if (cached) closeDatabase(cached);
    globalForDb.chanceryDb = openDatabase(file);
  }
  return globalForDb.chanceryDb!;
}

/** Closes the app's database (scripts and tests call this before exiting or deleting the file). */
export function closeDb(): void {
  if (globalForDb.chanceryDb) closeDatabase(globalForDb.chanceryDb);
  globalForDb.chanceryDb = undefined;
}

/** The transaction of `db` this call runs inside, if one is open. */
function openTransactionOf(db: Database): OpenTransaction | undefined {
  const open = current.getStore();
  return open && open.db === db && open.open ? open : undefined;
}

/**
 * Where a plain read of `db` runs: inside an open transaction of it, that transaction (so it
 * sees its own rows); otherwise the reader, which sees committed rows only.
 */
export function readerOf(db: Database): Tx {
  return openTransactionOf(db)?.tx ?? db.connections.reader;
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

/**
 * Runs `fn` in a write transaction of `db` and returns its result once committed; a throw
 * rolls everything back. Inside another write transaction of the same database it joins it
 * under a savepoint (a throw undoes only its own part, then propagates). Await only database
 * work inside: the write lock is held until `fn` settles. Waiting longer than 10 s for the
 * lock, or for another process's write, throws DatabaseBusyError (503).
 * On PostgreSQL `fn` may run more than once (a serialization failure runs it again whole):
 * it must not act outside the database. `options.serializeOn` (PostgreSQL; SQLite's writes
 * take turns anyway) makes transactions naming a common key take turns.
 */
export async function withWriteTransaction<T>(
  db: Database,
  fn: (tx: Tx) => Promise<T>,
  options?: WriteOptions,
): Promise<T> {
  const outer = openTransactionOf(db);
  if (outer?.kind === "read") throw new Error("A write transaction cannot run inside a read transaction.");
  if (db.connections.engine === "postgres") {
    // Nested: the outer transaction's snapshot is taken, so `serializeOn` cannot apply; it
    // is for the outermost transaction of a request.
    return outer ? pgSavepoint(outer, fn) : pgWriteTransaction(db, db.connections, fn, options);
  }
  if (outer) return withSavepoint(outer, fn);

  let release: MutexInterface.Releaser;
  try {
    release = await db.connections.writeLock.acquire();
  } catch (error) {
    if (error === E_TIMEOUT) throw new DatabaseBusyError();
    throw error;
  }
  const { writer } = db.connections;
  const transaction: OpenTransaction = { db, tx: writer, kind: "write", depth: 0, open: true };
  try {
    try {
      writer.run(sql`BEGIN IMMEDIATE`);
    } catch (error) {
      if (isBusy(error)) throw new DatabaseBusyError();
      throw error;
    }
    try {
      const result = await current.run(transaction, () => fn(writer));
      writer.run(sql`COMMIT`);
      return result;
    } catch (error) {
      if (writer.$client.inTransaction) writer.run(sql`ROLLBACK`);
      throw error;
    }
  } finally {
    transaction.open = false;
    release();
  }
}

async function withSavepoint<T>(outer: OpenTransaction, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const name = sql.raw(`nested_${++outer.depth}`);
  outer.tx.run(sql`SAVEPOINT ${name}`);
  try {
    const result = await fn(outer.tx);
    outer.tx.run(sql`RELEASE ${name}`);
    return result;
  } catch (error) {
    outer.tx.run(sql`ROLLBACK TO ${name}`);
    outer.tx.run(sql`RELEASE ${name}`);
    throw error;
  } finally {
    outer.depth--;
  }
}

/**
 * Runs `fn` against one snapshot of `db`, so several reads agree with each other whatever
 * commits meanwhile (an export of several tables, a document built from many rows). Inside a
 * transaction of the same database it joins that transaction instead.
 */
export async function withReadTransaction<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = openTransactionOf(db);
  if (outer) return fn(outer.tx);
  if (db.connections.engine === "postgres") return pgReadTransaction(db, db.connections, fn);

  const c = db.connections;
  const [, releaseSlot] = await c.snapshotSlots.acquire();
  const snapshot = c.snapshots.pop() ?? newSnapshotConnection(db.file, c);
  const transaction: OpenTransaction = { db, tx: snapshot, kind: "read", depth: 0, open: true };
  try {
    snapshot.run(sql`BEGIN`);
    try {
      return await current.run(transaction, () => fn(snapshot));
    } finally {
      if (snapshot.$client.inTransaction) snapshot.run(sql`COMMIT`);
    }
  } finally {
    transaction.open = false;
    if (!c.closed) c.snapshots.push(snapshot);
    releaseSlot();
  }
}

function newSnapshotConnection(file: string, c: Connections): Connection {
  const client = connectSqlite(file, { queryOnly: true });
  c.all.push(client);
  return drizzle(client, { schema });
}

const sqliteDialect = new SQLiteSyncDialect();
/** Prepared statements kept per connection, by their text. */
const PREPARED_PER_CONNECTION = 64;
const prepared = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * `text` prepared on `client`, kept for the next call (the least recently used dropped beyond
 * PREPARED_PER_CONNECTION): drizzle prepares a statement on every call, and the proposal's took
 * 0.35 ms of a 10 ms search. Only `.all()` runs them, which never leaves one busy.
 */
function preparedStatement(client: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let statements = prepared.get(client);
  if (!statements) prepared.set(client, (statements = new Map()));
  let statement = statements.get(text);
  if (statement) statements.delete(text);
  else statement = client.prepare(text);
  statements.set(text, statement);
  if (statements.size > PREPARED_PER_CONNECTION) statements.delete(statements.keys().next().value!);
  return statement;
}

/** Rows of a hand-written statement (FTS5 and other SQL drizzle's builders cannot express). */
export async function selectRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  if (isPostgresTx(tx)) return pgRows<T>(tx, query);
  const { sql: text, params } = sqliteDialect.sqlToQuery(query);
  return preparedStatement((tx as Connection).$client, text).all(...fillPlaceholders(params, {})) as T[];
}

/** Runs a hand-written statement that returns no rows. */
export async function runStatement(tx: Tx, query: SQL): Promise<void> {
  if (isPostgresTx(tx)) return pgRun(tx, query);
  tx.run(query);
}

// Private in-memory connections whose FTS5 tables fold words exactly as the search indexes
// do, one per tokenizer.
const tokenizers = new Map<string, (text: string) => string[]>();

/** The tokenizer of `facts_words` (drizzle/0006): folds, does not stem. */
export const FACTS_WORDS_TOKENIZER = "unicode61 remove_diacritics 2";

/**
 * A text's tokens as a search index folds them (lower case, Latin diacritics removed, split
 * at punctuation), by SQLite's own tokenizer: a JavaScript fold differs (it would strip the
 * diacritic from Cyrillic "ё", which unicode61 keeps). `tokenizer` FACTS_FTS_TOKENIZER also
 * stems them, as `facts_fts` does.
 */
export function indexTokens(text: string, tokenizer = FACTS_WORDS_TOKENIZER): string[] {
  let tokenize = tokenizers.get(tokenizer);
  if (!tokenize) {
    const memory = new BetterSqlite3(":memory:");
    memory.exec(`CREATE VIRTUAL TABLE fold USING fts5(word, tokenize = '${tokenizer}');
      CREATE VIRTUAL TABLE fold_tokens USING fts5vocab(fold, instance);`);
    const put = memory.prepare("INSERT INTO fold (rowid, word) VALUES (1, ?)");
    const read = memory.prepare("SELECT term FROM fold_tokens ORDER BY offset").pluck();
    const clear = memory.prepare("DELETE FROM fold");
    tokenize = (t) => {
      clear.run();
      put.run(t);
      const tokens = read.all() as string[];
      clear.run();
      return tokens;
    };
    tokenizers.set(tokenizer, tokenize);
  }
  return tokenize(text);
}

/**
 * The tokenizer of `facts_fts` (drizzle/0006; tests/unit/search-page-marks.test.ts holds them
 * equal): markPassages' scratch index must fold and stem exactly as it does.
 */
export const FACTS_FTS_TOKENIZER = "porter unicode61 remove_diacritics 2";

/**
 * SQLite's full-text indexes, and (OPTIMIZE_FULL_TEXT_INDEXES) the statements that merge each
 * into one segment: FTS5's 'optimize'. Rows written one at a time, as a bulk load writes them
 * through the triggers, leave an index in many segments (21 after 100,000 facts), each read by
 * every search; FTS5's automerge only bounds their number. Merged, a common word's search
 * costs 10 to 18 % less at 100,000 facts, for 0.2 to 0.4 s of merging.
 */
export const FULL_TEXT_INDEXES = ["facts_fts", "facts_words"] as const;

/** See FULL_TEXT_INDEXES. */
export const OPTIMIZE_FULL_TEXT_INDEXES = FULL_TEXT_INDEXES.map(
  (table) => `INSERT INTO ${table}(${table}) VALUES('optimize')`,
);

/** A fact's text and quote by its seq: as read, or with the matched words marked. */
export interface Passage {
  seq: number;
  text: string;
  quote: string;
}

// A private in-memory index for markPassages: the passages are put in it, searched, and taken
// out by a rollback (cheaper than deleting rows from an index). Used synchronously, so two
// requests never share its rows.
let marker: ((passages: Passage[], query: string) => Passage[]) | undefined;

/**
 * The passages that match the FTS5 `query`, marked as facts_fts marks them: the matched words
 * of the text between MARK_OPEN and MARK_CLOSE (lib/search/highlight.ts), and a passage of at
 * most 16 words of the quote around its matches.
 */
export function markPassages(passages: Passage[], query: string): Passage[] {
  if (!marker) {
    const memory = new BetterSqlite3(":memory:");
    memory.exec(`CREATE VIRTUAL TABLE page USING fts5(text, quote, tokenize = '${FACTS_FTS_TOKENIZER}')`);
    const [begin, rollback] = [memory.prepare("BEGIN"), memory.prepare("ROLLBACK")];
    const put = memory.prepare("INSERT INTO page (rowid, text, quote) VALUES (@seq, @text, @quote)");
    const marked = memory.prepare<[string, string, string, string, string], Passage>(
      `SELECT rowid AS seq, highlight(page, 0, ?, ?) AS text, snippet(page, 1, ?, ?, '…', 16) AS quote
       FROM page WHERE page MATCH ?`,
    );
    marker = (rows, words) => {
      begin.run();
      try {
        for (const row of rows) put.run(row);
        return marked.all(MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, words);
      } finally {
        rollback.run();
      }
    };
  }
  return marker(passages, query);
}

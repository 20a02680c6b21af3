import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface BackupReport {
  /** The backup's absolute path. */
  file: string;
  bytes: number;
  /** Rows per table of the copy (virtual tables' shadow tables left out). */
  rows: Record<string, number>;
}

export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * Takes a consistent copy of a live database into `target`, which must not exist yet.
 *
 * VACUUM INTO reads the whole database inside one read transaction, so the copy is the state
 * of one instant; in WAL mode a reader never blocks the app's writers, so the app keeps
 * serving writes meanwhile. (better-sqlite3's `.backup()` copies page by page and starts over
 * whenever another connection writes, so under a steady stream of writes it never finishes.)
 * The copy is created 0600 before SQLite writes into it, converted to a single self-contained
 * file (rollback journal, no -wal), synced to disk and checked with `integrity_check`; a copy
 * that fails the check is deleted.
 *
 * This is engine tooling, beneath the data layer's API: it opens a connection of its own and
 * runs SQLite's statements on it directly. It returns a Promise like the data layer's
 * functions, but the copy itself runs synchronously and holds its thread: it belongs in a
 * process of its own (npm run db:backup), never in a request.
 */
export async function backupDatabase({ source, target }: { source: string; target: string }): Promise<BackupReport> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (!fs.existsSync(from)) throw new BackupError(`There is no database at ${from}.`);
  // A new folder for backups is created private, as data/ is.
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  createEmptyPrivateFile(to);
  try {
    // The app's settings (db/client.ts): WAL, so this reader never blocks the app's writers,
    // and the same wait for another connection's lock.
    const live = new Database(from, { fileMustExist: true });
    try {
      live.pragma("busy_timeout = 5000");
      live.pragma("journal_mode = WAL");
      live.prepare("VACUUM INTO ?").run(to);
    } finally {
      live.close();
    }
    const rows = checkCopy(to);
    syncToDisk(to);
    return { file: to, bytes: fs.statSync(to).size, rows };
  } catch (error) {
    fs.rmSync(to, { force: true });
    throw error;
  }
}

// VACUUM INTO accepts an empty file and keeps its mode; "wx" refuses to overwrite anything.
function createEmptyPrivateFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", 0o600);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      throw new BackupError(`${file} already exists; a backup never overwrites a file. Choose a new name.`);
    }
    throw error;
  }
  try {
    fs.fchmodSync(fd, 0o600); // whatever the umask
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the copy one file (no -wal beside it), checks it page by page and counts its rows. */
function checkCopy(file: string): Record<string, number> {
  const copy = new Database(file);
  try {
    copy.pragma("journal_mode = DELETE");
    const problems = copy.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    const verdict = problems.map((p) => p.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== "ok") {
      throw new BackupError(`The copy failed its integrity check: ${verdict.slice(0, 5).join("; ")}`);
    }
    const tables = copy
      .prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((name) => [name, copy.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]),
    );
  } finally {
    copy.close();
  }
}

function syncToDisk(file: string): void {
  for (const target of [file, path.dirname(file)]) {
    const fd = fs.openSync(target, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "./client";

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
 */
export function backupDatabase({ source, target }: { source: string; target: string }): BackupReport {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (!fs.existsSync(from)) throw new BackupError(`There is no database at ${from}.`);
  // A new folder for backups is created private, as data/ is.
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  createEmptyPrivateFile(to);
  try {
    const live = openDatabase(from); // the app's settings: WAL, busy_timeout
    try {
      live.$client.prepare("VACUUM INTO ?").run(to);
    } finally {
      live.$client.close();
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

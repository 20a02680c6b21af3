import { backupDatabase, BackupError } from "@/db/backup";
import { databaseLabel, databasePath } from "@/db/client";
import { ENGINE } from "@/db/engine";

/**
 * npm run db:backup -- FILE: a consistent copy of the live database (DATABASE_URL) into FILE,
 * taken while the app keeps serving; FILE must not exist. Prints the check and how to restore.
 * On PostgreSQL it copies nothing: it prints the pg_dump command to use instead and exits 1,
 * so a scheduled backup that still calls it fails visibly rather than quietly backing up nothing.
 */
const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("Usage: npm run db:backup -- FILE   (FILE must not exist yet)");
  process.exit(2);
}
if (ENGINE === "postgres") {
  console.error(`db:backup copies SQLite files only; it took no backup of ${databaseLabel()}.
On PostgreSQL, take one with pg_dump (a consistent snapshot while the app keeps serving):
  pg_dump --format=custom --file=${JSON.stringify(file)} "$DATABASE_URL"
and restore it into an empty database with:
  pg_restore --dbname="$DATABASE_URL" --no-owner ${JSON.stringify(file)}
Keep AUTH_SECRET with the backup. For a standby that takes over, use PostgreSQL's own streaming replication.`);
  process.exit(1);
}
const live = databasePath();
try {
  const report = await backupDatabase({ source: live, target: file });
  const rows = Object.entries(report.rows)
    .filter(([table]) => !table.startsWith("__"))
    .map(([table, n]) => `${table} ${n}`);
  console.log(`Backed up ${live} to ${report.file} (${(report.bytes / 1_048_576).toFixed(1)} MB, mode 0600).`);
  console.log(`Integrity check: ok. Rows: ${rows.join(", ")}.`);
  console.log(`
To restore it:
  1. Stop the server.
  2. Remove the stale write-ahead files: rm -f ${live}-wal ${live}-shm
  3. Copy the backup over the database: cp ${report.file} ${live} && chmod 600 ${live}
  4. Start the server.
The session key is not in the database: keep data/auth-secret (or your AUTH_SECRET) with the
backup, mode 0600. Restored without it, a new key is made and every session ends.`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}

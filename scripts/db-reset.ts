import fs from "node:fs";
import { closeDb, databasePath } from "@/db/client";
import { prepareDatabase } from "@/db/setup/prepare-database";

// Deletes the database file (and its WAL files), then migrates and seeds a fresh one.
// Refuses without --yes when run from a terminal, since every edit and briefing is lost.
const file = databasePath();
if (process.stdin.isTTY && !process.argv.includes("--yes")) {
  console.error(`This deletes ${file} with every edit, user and briefing in it. Run again with --yes to confirm.`);
  process.exit(1);
}
closeDb();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
await prepareDatabase();
console.log(`Reset ${file}: migrated and seeded.`);
closeDb();

import fs from "node:fs";
import { closeDb, databaseLabel, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { importFactBase } from "@/db/queries/fact-base";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";

/** npm run db:import -- FILE: merges a fact-base JSON file into the database (all or nothing). */
const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:import -- FILE.json");
  process.exit(2);
}
let document: unknown;
try {
  document = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (e) {
  console.error(`Cannot read ${file} as JSON: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const db = getDb();
// A fresh database file is usable at once: migrate first (a no-op when up to date).
await migrateDatabase(db);
const report = await importFactBase({ actor: SYSTEM_ACTOR, document, db });
closeDb();
if (!report.ok) {
  console.error(
    `Nothing was imported into ${databaseLabel()}. Fix these records:\n${report.errors.map((e) => `  - ${e}`).join("\n")}`,
  );
  process.exit(1);
}
console.log(`Imported ${file} into ${databaseLabel()}:`);
for (const [table, c] of Object.entries(report.counts))
  console.log(`  ${table}: ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged`);

import fs from "node:fs";
import { closeDb, databaseLabel, getDb } from "@/db/client";
import { exportFactBase } from "@/db/queries/fact-base";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";

/** npm run db:export -- [FILE]: writes the fact base as JSON to FILE, or to standard output. */
const file = process.argv[2];
const json = `${JSON.stringify(await exportFactBase({ actor: SYSTEM_ACTOR, db: getDb() }), null, 2)}\n`;
if (file) {
  fs.writeFileSync(file, json);
  console.error(`Exported ${databaseLabel()} to ${file}`);
} else process.stdout.write(json);
closeDb();

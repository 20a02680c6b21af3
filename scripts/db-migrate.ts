import { closeDb, databaseLabel, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

await migrateDatabase(getDb());
console.log(`Migrated ${databaseLabel()}`);
closeDb();

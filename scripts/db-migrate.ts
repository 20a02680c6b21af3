import { closeDb, databasePath, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

await migrateDatabase(getDb());
console.log(`Migrated ${databasePath()}`);
closeDb();

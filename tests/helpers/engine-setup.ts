import { afterAll } from "vitest";
import { databaseFromTemplate, dropCreatedDatabases, MIGRATED_TEMPLATE, testEngine } from "./pg-databases";

/*
 * Vitest's setup file, run in each test file's module registry before the file imports
 * anything. On a PostgreSQL run it points DATABASE_URL at a migrated database of the file's
 * own, before db/engine.ts reads it (so the tables are PostgreSQL's and getDb() finds a
 * database), and drops the file's databases after it. On SQLite it does nothing.
 */
if (testEngine() === "postgres") {
  process.env.DATABASE_URL = await databaseFromTemplate(MIGRATED_TEMPLATE);
  afterAll(dropCreatedDatabases);
}

import os from "node:os";
import path from "node:path";

/**
 * Imported first by a test file that must run its data layer on SQLite in every Vitest run,
 * PostgreSQL's too (tests/unit/db-copy.test.ts builds a SQLite source through the data layer and
 * copies it to a cluster of its own): puts a SQLite path in DATABASE_URL before db/engine.ts
 * reads it. The file opens its databases by path; this one is never opened.
 */
if (/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "")) {
  process.env.DATABASE_URL = path.join(os.tmpdir(), "chancery-sqlite-engine-not-opened.db");
}

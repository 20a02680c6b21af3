/**
 * Imported first by a test file about the PostgreSQL client itself, which runs in every Vitest
 * run (SQLite's too): puts a PostgreSQL URL in DATABASE_URL before the data layer is imported,
 * so db/engine.ts picks PostgreSQL's tables. Only the engine is read at import; the file opens
 * its own cluster's URL (tests/helpers/pg-app-db.ts). A PostgreSQL run's URL is kept.
 */
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
  process.env.DATABASE_URL = "postgres://not-opened@/until-the-cluster-starts";
}

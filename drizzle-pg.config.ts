import { defineConfig } from "drizzle-kit";

// The PostgreSQL schema's migrations (issue 17): `npm run db:generate:pg`. Hand-written SQL
// (the full-text search configuration, column and index) goes in migrations made with
// `--custom`, as drizzle-pg/0001_facts_search.sql.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/index.ts",
  out: "./drizzle-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@/chancery?host=/var/run/postgresql" },
  strict: true,
  verbose: true,
});

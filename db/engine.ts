import { engineOf, type Engine } from "@/lib/database-engine";

/**
 * The engine this process runs on, from DATABASE_URL when the data layer is first imported
 * (lib/database-engine.ts says which URL names which). Decided once, because the tables
 * (db/schema/index.ts) are chosen then: whatever starts the app sets DATABASE_URL before it
 * imports anything from db/ — the shell or service manager for `npm start` and the scripts,
 * tests/helpers/engine-setup.ts for a Vitest run on PostgreSQL. A test that later points
 * DATABASE_URL at another SQLite file stays on SQLite; db/client.ts refuses to open a database
 * of the other engine.
 */
export const ENGINE: Engine = engineOf(process.env.DATABASE_URL);

export { engineOf, type Engine };

import { ENGINE } from "../engine";
import * as pg from "../schema-pg";
import * as sqlite from "./sqlite";

/*
 * The app's tables, for the engine DATABASE_URL chose at start-up (db/engine.ts): SQLite's
 * (./sqlite.ts, also drizzle-kit's schema) or PostgreSQL's (db/schema-pg). The query code is
 * typed against SQLite's tables; PostgreSQL's are handed to it under the same names through
 * this one cast. It is safe because both export the same tables with the same SQL names,
 * columns and row types to read and write (tests/unit/schema-engines.test.ts), and db/client.ts
 * gives those tables a PostgreSQL connection, cast the same way.
 * A table added to ./sqlite.ts must be added below (schema-engines.test.ts checks).
 */
export type * from "./sqlite";

const tables: typeof sqlite = ENGINE === "postgres" ? (pg as unknown as typeof sqlite) : sqlite;

export const {
  parties,
  topics,
  sources,
  people,
  personRoles,
  meetings,
  meetingSources,
  participations,
  facts,
  factParties,
  factTopics,
  users,
  briefings,
  briefingSections,
  briefingItems,
  auditLog,
  loginFailures,
  trustedDevices,
  briefingShares,
  briefingComments,
  clearanceRequests,
  clearanceRequestClearers,
  userSecondFactors,
  recoveryCodes,
  secondFactorFailures,
} = tables;

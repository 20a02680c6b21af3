import { ENGINE } from "../engine";
import { postgresDialect } from "./postgres";
import { sqliteDialect } from "./sqlite";
import type { Dialect } from "./types";

export type { Dialect };
export { postgresDialect, sqliteDialect };

/** The raw SQL of the engine DATABASE_URL chose at start-up (db/engine.ts). */
export const dialect: Dialect = ENGINE === "postgres" ? postgresDialect : sqliteDialect;

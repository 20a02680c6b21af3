import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Failed sign-in attempts, keyed by account ("email:…") and by address ("ip:…"), for
 * throttling. Old rows are pruned as new ones arrive; nothing secret is stored.
 */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at)],
);

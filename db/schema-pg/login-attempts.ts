import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Failed sign-in attempts, keyed by account ("email:…") and by address ("ip:…"), for
 * throttling. Old rows are pruned as new ones arrive; nothing secret is stored.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    key: text("key").notNull(),
    // Milliseconds since 1970 (Date.now()): past a 32-bit integer.
    at: bigint("at", { mode: "number" }).notNull(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at)],
);

/**
 * Browsers an account has signed in from (OWASP's "device cookie"): the cookie holds a random
 * token, this table its SHA-256 only. A sign-in that presents a device of the account it names
 * is counted on that device alone, so guessers elsewhere — on the same office address, or from
 * many addresses at once — cannot keep its owner out.
 */
export const trustedDevices = pgTable(
  "trusted_devices",
  {
    tokenHash: text("token_hash").primaryKey(),
    account: text("account").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    lastUsedAt: bigint("last_used_at", { mode: "number" }).notNull(),
  },
  (t) => [index("trusted_devices_account_idx").on(t.account)],
);

import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./users";

/*
 * The second factor at sign-in (issue 16): a TOTP secret per user, its one-time recovery
 * codes and the wrong codes counted against the per-account limit. The secret is stored
 * encrypted with a key kept outside the database (lib/auth/two-factor-key.ts), the recovery
 * codes as SHA-256 hashes: a copy of the database alone reveals neither.
 */

const nowIso = () => new Date().toISOString();

/** A user's TOTP second factor: being set up while `enabled_at` is null, then on. At most one per user. */
export const userSecondFactors = pgTable(
  "user_second_factors",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id),
    /** The base32 secret, AES-256-GCM encrypted for this user ("v1.<nonce>.<ciphertext>"). */
    secretEncrypted: text("secret_encrypted").notNull(),
    /** Null while being set up (the user has not yet confirmed a code). */
    enabledAt: text("enabled_at"),
    /** The time step of the last code accepted: a code is never accepted twice. */
    lastUsedStep: integer("last_used_step"),
    /** Wrong sign-in codes since the user last acknowledged them, and when the last was sent. */
    failedCodesUnseen: integer("failed_codes_unseen").notNull().default(0),
    failedCodeLastAt: text("failed_code_last_at"),
    createdAt: text("created_at").notNull().$defaultFn(nowIso),
    updatedAt: text("updated_at").notNull().$defaultFn(nowIso),
  },
  (t) => [
    check("user_second_factors_secret_shape", sql`${t.secretEncrypted} LIKE 'v1.%'`),
    check("user_second_factors_failed_non_negative", sql`${t.failedCodesUnseen} >= 0`),
  ],
);

/** One-time recovery codes: the SHA-256 of each, used at most once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull().$defaultFn(nowIso),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Wrong second-factor codes (and failed re-authentications), per account, for the strict limit. */
export const secondFactorFailures = pgTable(
  "second_factor_failures",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id").notNull(),
    // Milliseconds since 1970 (Date.now()): past a 32-bit integer.
    at: bigint("at", { mode: "number" }).notNull(),
  },
  (t) => [index("second_factor_failures_user_at_idx").on(t.userId, t.at)],
);

export type UserSecondFactor = typeof userSecondFactors.$inferSelect;

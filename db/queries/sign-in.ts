import { and, eq, isNull } from "drizzle-orm";
import { DEVICE_MAX_AGE_DAYS } from "@/lib/auth/device";
import { authSettings } from "@/lib/auth/config";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { auditableEmail, throttleKeys } from "@/lib/auth/throttle";
import { getDb, readerOf, withWriteTransaction, type Database } from "../client";
import { users, type User } from "../schema";
import { admitSignInAttempt, settleSignInAttempt } from "./_sign-in-attempts";
import { knownDevice } from "./sign-in-limits";
import type { PublicUser } from "./users/_public-user";

export { throttledMessage } from "@/lib/auth/throttle";
export const WRONG_CREDENTIALS = "Email or password is incorrect.";

export type SignInResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password, in three steps:
 * 1. one write transaction counts the attempt (or refuses it) before the slow password check,
 *    so parallel guesses queue on the write lock and cannot slip past the limits
 *    (db/queries/login-failures.ts);
 * 2. the password is verified outside any transaction: argon2 is slow by design, and every
 *    other write of the app would wait behind a lock held through it;
 * 3. another write transaction records the outcome; a success takes the count back.
 * Unknown accounts are verified against a dummy hash so both refusals take the same time and
 * say the same thing. A browser the account signed in from before is counted on its own (its
 * device cookie). There is no actor yet: this is what makes one. `now` is injectable for tests.
 */
export async function verifyCredentials({
  email,
  password,
  ip,
  deviceToken = null,
  now = Date.now(),
  db = getDb(),
}: {
  email: string;
  password: string;
  ip: string | null;
  /** The browser's device cookie, if it sent one (lib/auth/device.ts). */
  deviceToken?: string | null;
  now?: number;
  db?: Database;
}): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const device = await knownDevice({
    token: deviceToken,
    account: auditableEmail(normalised),
    now,
    maxAgeDays: DEVICE_MAX_AGE_DAYS,
    db,
  });
  const keys = throttleKeys(normalised, ip, device);
  const settings = authSettings.throttle();
  const admitted = await withWriteTransaction(db, (tx) =>
    admitSignInAttempt(tx, { email: normalised, ip, keys, settings, now }),
  );
  if (!admitted.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };

  const user = await accountForSignIn(db, normalised);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = Boolean(user && valid && !user.disabledAt);
  await withWriteTransaction(db, (tx) =>
    settleSignInAttempt(tx, {
      attemptIds: admitted.attemptIds,
      ok,
      email: normalised,
      ip,
      userId: user?.id ?? null,
      keys,
    }),
  );
  if (!user || !ok) return { ok: false, reason: "invalid" };
  const { passwordHash: _omit, ...publicUser } = user;
  return { ok: true, user: publicUser };
}

/** The live account behind an email, with its hash: read here only, and never returned. */
async function accountForSignIn(db: Database, email: string): Promise<User | undefined> {
  const [user] = await readerOf(db)
    .select()
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deletedAt)))
    .limit(1);
  return user;
}

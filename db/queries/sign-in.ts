import { and, eq, isNull } from "drizzle-orm";
import { DEVICE_MAX_AGE_DAYS } from "@/lib/auth/device";
import { authSettings } from "@/lib/auth/config";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { auditableEmail, throttleKeys } from "@/lib/auth/throttle";
import { getDb, readerOf, withWriteTransaction, type Database } from "../client";
import { users, type User } from "../schema";
import { recordAudit } from "./_record-audit";
import { admitSignInAttempt, settleSignInAttempt } from "./_sign-in-attempts";
import { checkSecondFactorCode, codeCheckTurns, enabledSecondFactor } from "./two-factor/_second-factor";
import { knownDevice } from "./sign-in-limits";
import type { PublicUser } from "./users/_public-user";

export { throttledMessage } from "@/lib/auth/throttle";
export const WRONG_CREDENTIALS = "Email or password is incorrect.";

export type SignInResult =
  /** The password is right; with `secondFactor` the sign-in still needs a code (verifySecondFactor). */
  | { ok: true; user: PublicUser; secondFactor: boolean }
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
 * For an account with a second factor on, a right password is not yet a sign-in: it is audited
 * as auth.password_accepted, and the caller asks for a code next.
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
  // On PostgreSQL, attempts on a common counter take turns (as every write does on SQLite):
  // under SERIALIZABLE, parallel guesses at one account would otherwise fail each other's
  // count-then-add and exhaust the retries into 503s instead of being counted and refused.
  const turns = { serializeOn: keys.map((k) => k.key) };
  const settings = authSettings.throttle();
  const admitted = await withWriteTransaction(
    db,
    (tx) => admitSignInAttempt(tx, { email: normalised, ip, keys, settings, now }),
    turns,
  );
  if (!admitted.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };

  // No stored email holds NUL, and PostgreSQL refuses it in a query (22021): not looked up, so
  // it is a wrong sign-in like any unknown email (verified against the dummy hash all the same).
  const user = normalised.includes("\u0000") ? undefined : await accountForSignIn(db, normalised);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = Boolean(user && valid && !user.disabledAt);
  const secondFactor = await withWriteTransaction(
    db,
    async (tx) => {
      const pending = ok && user ? (await enabledSecondFactor(tx, user.id)) !== undefined : false;
      await settleSignInAttempt(tx, {
        attemptIds: admitted.attemptIds,
        ok,
        email: normalised,
        ip,
        userId: user?.id ?? null,
        keys,
        secondFactorPending: pending,
      });
      return pending;
    },
    turns,
  );
  if (!user || !ok) return { ok: false, reason: "invalid" };
  const { passwordHash: _omit, ...publicUser } = user;
  return { ok: true, user: publicUser, secondFactor };
}

export type SecondFactorResult =
  | { ok: true; user: PublicUser; kind: "totp" | "recovery"; recoveryCodesLeft: number }
  /** The pending sign-in no longer holds: the account changed (password, reset, disabled) since the password. */
  | { ok: false; reason: "expired" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  | { ok: false; reason: "unreadable" };

/**
 * The second step of a sign-in: a code (or a recovery code) for the account whose password was
 * right moments ago (`userId` and `sessionVersion` from the pending sign-in token,
 * lib/auth/pending-sign-in.ts). One write transaction: the account's strict code limit, the
 * code (a TOTP code used once, or an unused recovery code), and the audit (auth.signed_in with
 * the kind of code; a wrong one 2fa.code_failed, aggregated). A TOTP check is a few HMACs, so
 * unlike the password it may run under the write lock.
 */
export async function verifySecondFactor({
  userId,
  sessionVersion,
  code,
  ip,
  now = Date.now(),
  db = getDb(),
}: {
  userId: string;
  sessionVersion: number;
  code: string;
  ip: string | null;
  now?: number;
  db?: Database;
}): Promise<SecondFactorResult> {
  return withWriteTransaction(
    db,
    async (tx) => {
      const [user] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.deletedAt)))
        .limit(1);
      if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return { ok: false, reason: "expired" };
      const actor = { userId, email: user.email, ip };
      const check = await checkSecondFactorCode(tx, { actor, userId, code, now, purpose: "sign-in" });
      if (!check.ok) return check.reason === "not-enabled" ? { ok: false, reason: "expired" } : check;
      await recordAudit(tx, {
        actor,
        action: "auth.signed_in",
        entity: "session",
        entityId: userId,
        detail: { secondFactor: check.kind },
      });
      const { passwordHash: _omit, ...publicUser } = user;
      return { ok: true, user: publicUser, kind: check.kind, recoveryCodesLeft: check.recoveryCodesLeft };
    },
    codeCheckTurns(userId),
  );
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

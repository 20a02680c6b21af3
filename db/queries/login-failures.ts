import { and, count, desc, eq, gte, inArray, lt, max, min } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import {
  auditableEmail,
  describeThrottleKey,
  refusedUntil,
  throttleDecision,
  type KeyStats,
  type ThrottleDecision,
  type ThrottleKey,
  type ThrottleRule,
  type ThrottleSettings,
} from "@/lib/auth/throttle";
import { deviceTokenHash, newDeviceToken } from "@/lib/auth/device";
import { NotFoundError } from "@/lib/errors";
import { getDb, readerOf, withWriteTransaction, type Database, type Tx } from "../client";
import { auditLog, loginFailures, trustedDevices } from "../schema";
import { recordAudit } from "./audit";

async function statsOf(tx: Tx, keys: string[], since: number): Promise<Map<string, KeyStats>> {
  const rows = await tx
    .select({ key: loginFailures.key, count: count(), oldest: min(loginFailures.at), newest: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gte(loginFailures.at, since)))
    .groupBy(loginFailures.key);
  return new Map(rows.map((r) => [r.key, { count: r.count, oldest: r.oldest ?? since, newest: r.newest ?? since }]));
}

export type AdmittedAttempt = { allowed: true; attemptIds: number[] } | Extract<ThrottleDecision, { allowed: false }>;

/**
 * Counts a sign-in attempt *before* its password is verified, inside the caller's write
 * transaction (db/queries/sign-in.ts): either the failures already counted refuse it, or it
 * is counted as a failure at once (the caller takes it back on success). Parallel guesses
 * therefore queue on the write lock and the ones past the limit are refused unverified. A
 * refusal is audited once per blocking counter and window, with a running count, so a flood
 * of refused tries cannot fill the log. Checks nothing: for sign-in.ts only.
 */
export async function admitSignInAttempt(
  tx: Tx,
  {
    email,
    ip,
    keys,
    settings,
    now,
  }: { email: string; ip: string | null; keys: ThrottleKey[]; settings: ThrottleSettings; now: number },
): Promise<AdmittedAttempt> {
  const since = now - settings.windowMs;
  const stats = await statsOf(
    tx,
    keys.map((k) => k.key),
    since,
  );
  const decision = throttleDecision({ keys, stats, settings, now });
  if (!decision.allowed) {
    await auditRefusal(tx, { email, ip, decision, since: new Date(since).toISOString() });
    return decision;
  }
  const inserted = await tx
    .insert(loginFailures)
    .values(keys.map(({ key }) => ({ key, at: now })))
    .returning({ id: loginFailures.id });
  await tx.delete(loginFailures).where(lt(loginFailures.at, since));
  return { allowed: true as const, attemptIds: inserted.map((r) => r.id) };
}

async function auditRefusal(
  tx: Tx,
  {
    email,
    ip,
    decision,
    since,
  }: {
    email: string;
    ip: string | null;
    decision: Extract<ThrottleDecision, { allowed: false }>;
    since: string;
  },
): Promise<void> {
  const [previous] = await tx
    .select({ id: auditLog.id, detail: auditLog.detail })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, "session"),
        eq(auditLog.entityId, decision.key),
        eq(auditLog.action, "auth.sign_in_throttled"),
        gte(auditLog.at, since),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  const detail = {
    rule: decision.rule,
    retryAfterSeconds: decision.retryAfterSeconds,
    lastEmail: auditableEmail(email),
    lastAt: new Date().toISOString(),
  };
  if (previous) {
    const before = (previous.detail ?? {}) as { refused?: unknown };
    const refused = (typeof before.refused === "number" ? before.refused : 1) + 1;
    await tx
      .update(auditLog)
      .set({ detail: { ...detail, refused } })
      .where(eq(auditLog.id, previous.id));
    return;
  }
  await recordAudit(tx, {
    actor: { userId: null, email: auditableEmail(email), ip },
    action: "auth.sign_in_throttled",
    entity: "session",
    entityId: decision.key,
    detail: { ...detail, refused: 1 },
  });
}

/**
 * Settles an admitted attempt, inside the caller's write transaction (db/queries/sign-in.ts).
 * A success takes back its own counted failure and forgets the account's failures (at this
 * address and overall); a failure stays counted. Both are audited, with the attempted email
 * cleaned and capped (never the password). Checks nothing: for sign-in.ts only.
 */
export async function settleSignInAttempt(
  tx: Tx,
  {
    attemptIds,
    ok,
    email,
    ip,
    userId,
    keys,
  }: {
    attemptIds: number[];
    ok: boolean;
    email: string;
    ip: string | null;
    userId: string | null;
    keys: ThrottleKey[];
  },
): Promise<void> {
  if (ok) {
    const forget = keys.filter((k) => k.rule !== "address").map((k) => k.key);
    await tx.delete(loginFailures).where(inArray(loginFailures.id, attemptIds));
    await tx.delete(loginFailures).where(inArray(loginFailures.key, forget));
  }
  await recordAudit(tx, {
    actor: { userId, email: auditableEmail(email), ip },
    action: ok ? "auth.signed_in" : "auth.sign_in_failed",
    entity: "session",
    entityId: userId,
  });
}

export interface ThrottleRow {
  key: string;
  rule: ThrottleRule;
  account: string | null;
  address: string | null;
  failures: number;
  lastFailureAt: string;
  /** When the counter stops refusing; null while it does not refuse. */
  refusedUntil: string | null;
}

/** Every counter with failures in the window, refusing ones first; admins only. */
export async function listThrottles({
  actor,
  settings,
  now = Date.now(),
  limit = 200,
  db = getDb(),
}: {
  actor: Actor;
  settings: ThrottleSettings;
  now?: number;
  limit?: number;
  db?: Database;
}): Promise<ThrottleRow[]> {
  assertAdmin(actor);
  const since = now - settings.windowMs;
  const rows = await readerOf(db)
    .select({ key: loginFailures.key, count: count(), oldest: min(loginFailures.at), newest: max(loginFailures.at) })
    .from(loginFailures)
    .where(gte(loginFailures.at, since))
    .groupBy(loginFailures.key)
    .orderBy(desc(count()), desc(max(loginFailures.at)))
    .limit(limit);
  const out: ThrottleRow[] = [];
  for (const r of rows) {
    const described = describeThrottleKey(r.key);
    if (!described) continue;
    const until = refusedUntil(
      described.rule,
      { count: r.count, oldest: r.oldest ?? since, newest: r.newest ?? since },
      settings,
      now,
    );
    out.push({
      key: r.key,
      ...described,
      failures: r.count,
      lastFailureAt: new Date(r.newest ?? since).toISOString(),
      refusedUntil: until === null ? null : new Date(until).toISOString(),
    });
  }
  return out.sort((a, b) => Number(b.refusedUntil !== null) - Number(a.refusedUntil !== null));
}

/** Forgets one counter's failures (an admin lets someone back in); audited. */
export async function clearThrottle({
  actor,
  key,
  db = getDb(),
}: {
  actor: Actor;
  key: string;
  db?: Database;
}): Promise<{ cleared: number }> {
  assertAdmin(actor);
  const described = describeThrottleKey(key);
  if (!described) throw new NotFoundError("No such sign-in counter.");
  return withWriteTransaction(db, async (tx) => {
    const deleted = await tx
      .delete(loginFailures)
      .where(eq(loginFailures.key, key))
      .returning({ id: loginFailures.id });
    const cleared = deleted.length;
    if (cleared === 0) throw new NotFoundError("That counter has no failures left: it was cleared or has expired.");
    await recordAudit(tx, {
      actor,
      action: "auth.throttle_cleared",
      entity: "session",
      entityId: key,
      detail: { ...described, failures: cleared },
    });
    return { cleared };
  });
}

/**
 * The hash of `token` if it names a device `account` signed in from within the last
 * `maxAgeDays` days; null otherwise (unknown, another account's, or expired). No actor: it
 * runs before sign-in, and the device cookie is what it checks.
 */
export async function knownDevice({
  token,
  account,
  now,
  maxAgeDays,
  db = getDb(),
}: {
  token: string | null;
  account: string;
  now: number;
  maxAgeDays: number;
  db?: Database;
}): Promise<string | null> {
  const hash = deviceTokenHash(token);
  if (!hash) return null;
  const [row] = await readerOf(db).select().from(trustedDevices).where(eq(trustedDevices.tokenHash, hash)).limit(1);
  const fresh = row && row.account === account && row.lastUsedAt >= now - maxAgeDays * 86_400_000;
  return fresh ? hash : null;
}

/**
 * After a successful sign-in: the browser's device token for `account` — its own, refreshed,
 * when it presented one of this account, else a new one. Expired devices are pruned. No
 * actor: the sign-in action calls it once next-auth has accepted the password.
 */
export async function rememberDevice({
  token,
  account,
  now,
  maxAgeDays,
  db = getDb(),
}: {
  token: string | null;
  account: string;
  now: number;
  maxAgeDays: number;
  db?: Database;
}): Promise<string> {
  return withWriteTransaction(db, async (tx) => {
    await tx.delete(trustedDevices).where(lt(trustedDevices.lastUsedAt, now - maxAgeDays * 86_400_000));
    // Joins this transaction (readerOf), so it sees the pruning above.
    const hash = await knownDevice({ token, account, now, maxAgeDays, db });
    if (hash && token) {
      await tx.update(trustedDevices).set({ lastUsedAt: now }).where(eq(trustedDevices.tokenHash, hash));
      return token;
    }
    const fresh = newDeviceToken();
    await tx
      .insert(trustedDevices)
      .values({ tokenHash: deviceTokenHash(fresh)!, account, createdAt: now, lastUsedAt: now });
    return fresh;
  });
}

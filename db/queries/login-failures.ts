import { and, count, desc, eq, gte, inArray, lt, max, min, sql } from "drizzle-orm";
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
import { getDb, writeTransaction, type DB } from "../client";
import { auditLog, loginFailures, trustedDevices } from "../schema";
import { recordAudit } from "./audit";

function statsOf(tx: DB, keys: string[], since: number): Map<string, KeyStats> {
  const rows = tx
    .select({ key: loginFailures.key, count: count(), oldest: min(loginFailures.at), newest: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gte(loginFailures.at, since)))
    .groupBy(loginFailures.key)
    .all();
  return new Map(rows.map((r) => [r.key, { count: r.count, oldest: r.oldest ?? since, newest: r.newest ?? since }]));
}

export type AdmittedAttempt = { allowed: true; attemptIds: number[] } | Extract<ThrottleDecision, { allowed: false }>;

/**
 * Counts a sign-in attempt *before* its password is verified, in one write transaction:
 * either the failures already counted refuse it, or it is counted as a failure at once (the
 * caller takes it back on success). Parallel guesses therefore queue on the write lock and
 * the ones past the limit are refused unverified. A refusal is audited once per blocking
 * counter and window, with a running count, so a flood of refused tries cannot fill the log.
 */
export function admitSignInAttempt({
  email,
  ip,
  keys,
  settings,
  now,
  db = getDb(),
}: {
  email: string;
  ip: string | null;
  keys: ThrottleKey[];
  settings: ThrottleSettings;
  now: number;
  db?: DB;
}): AdmittedAttempt {
  const since = now - settings.windowMs;
  return writeTransaction(db, (tx) => {
    const decision = throttleDecision({
      keys,
      stats: statsOf(
        tx,
        keys.map((k) => k.key),
        since,
      ),
      settings,
      now,
    });
    if (!decision.allowed) {
      auditRefusal(tx, { email, ip, decision, since: new Date(since).toISOString() });
      return decision;
    }
    const inserted = tx
      .insert(loginFailures)
      .values(keys.map(({ key }) => ({ key, at: now })))
      .returning({ id: loginFailures.id })
      .all();
    tx.delete(loginFailures).where(lt(loginFailures.at, since)).run();
    return { allowed: true as const, attemptIds: inserted.map((r) => r.id) };
  });
}

function auditRefusal(
  tx: DB,
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
) {
  const previous = tx
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
    .limit(1)
    .get();
  const detail = {
    rule: decision.rule,
    retryAfterSeconds: decision.retryAfterSeconds,
    lastEmail: auditableEmail(email),
    lastAt: new Date().toISOString(),
  };
  if (previous) {
    const before = (previous.detail ?? {}) as { refused?: unknown };
    const refused = (typeof before.refused === "number" ? before.refused : 1) + 1;
    tx.update(auditLog)
      .set({ detail: { ...detail, refused } })
      .where(eq(auditLog.id, previous.id))
      .run();
    return;
  }
  recordAudit(tx, {
    actor: { userId: null, email: auditableEmail(email), ip },
    action: "auth.sign_in_throttled",
    entity: "session",
    entityId: decision.key,
    detail: { ...detail, refused: 1 },
  });
}

/**
 * Settles an admitted attempt. A success takes back its own counted failure and forgets the
 * account's failures (at this address and overall); a failure stays counted. Both are audited,
 * with the attempted email cleaned and capped (never the password).
 */
export function settleSignInAttempt({
  attemptIds,
  ok,
  email,
  ip,
  userId,
  keys,
  db = getDb(),
}: {
  attemptIds: number[];
  ok: boolean;
  email: string;
  ip: string | null;
  userId: string | null;
  keys: ThrottleKey[];
  db?: DB;
}): void {
  writeTransaction(db, (tx) => {
    if (ok) {
      const forget = keys.filter((k) => k.rule !== "address").map((k) => k.key);
      tx.delete(loginFailures).where(inArray(loginFailures.id, attemptIds)).run();
      tx.delete(loginFailures).where(inArray(loginFailures.key, forget)).run();
    }
    recordAudit(tx, {
      actor: { userId, email: auditableEmail(email), ip },
      action: ok ? "auth.signed_in" : "auth.sign_in_failed",
      entity: "session",
      entityId: userId,
    });
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
export function listThrottles({
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
  db?: DB;
}): ThrottleRow[] {
  assertAdmin(actor);
  const since = now - settings.windowMs;
  const rows = db
    .select({ key: loginFailures.key, count: count(), oldest: min(loginFailures.at), newest: max(loginFailures.at) })
    .from(loginFailures)
    .where(gte(loginFailures.at, since))
    .groupBy(loginFailures.key)
    .orderBy(desc(count()), desc(max(loginFailures.at)))
    .limit(limit)
    .all();
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
export function clearThrottle({ actor, key, db = getDb() }: { actor: Actor; key: string; db?: DB }): {
  cleared: number;
} {
  assertAdmin(actor);
  const described = describeThrottleKey(key);
  if (!described) throw new NotFoundError("No such sign-in counter.");
  return writeTransaction(db, (tx) => {
    const cleared = tx
      .delete(loginFailures)
      .where(eq(loginFailures.key, key))
      .returning({ id: loginFailures.id })
      .all().length;
    if (cleared === 0) throw new NotFoundError("That counter has no failures left: it was cleared or has expired.");
    recordAudit(tx, {
      actor,
      action: "auth.throttle_cleared",
      entity: "session",
      entityId: key,
      detail: { ...described, failures: cleared },
    });
    return { cleared };
  });
}

/** Test and script helper: how many failures a key has counted now. */
export function failuresUnder({ key, db = getDb() }: { key: string; db?: DB }): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(loginFailures)
      .where(eq(loginFailures.key, key))
      .get()?.n ?? 0
  );
}

/**
 * The hash of `token` if it names a device `account` signed in from within the last
 * `maxAgeDays` days; null otherwise (unknown, another account's, or expired).
 */
export function knownDevice({
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
  db?: DB;
}): string | null {
  const hash = deviceTokenHash(token);
  if (!hash) return null;
  const row = db.select().from(trustedDevices).where(eq(trustedDevices.tokenHash, hash)).get();
  const fresh = row && row.account === account && row.lastUsedAt >= now - maxAgeDays * 86_400_000;
  return fresh ? hash : null;
}

/**
 * After a successful sign-in: the browser's device token for `account` — its own, refreshed,
 * when it presented one of this account, else a new one. Expired devices are pruned.
 */
export function rememberDevice({
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
  db?: DB;
}): string {
  return writeTransaction(db, (tx) => {
    tx.delete(trustedDevices)
      .where(lt(trustedDevices.lastUsedAt, now - maxAgeDays * 86_400_000))
      .run();
    const hash = knownDevice({ token, account, now, maxAgeDays, db: tx });
    if (hash && token) {
      tx.update(trustedDevices).set({ lastUsedAt: now }).where(eq(trustedDevices.tokenHash, hash)).run();
      return token;
    }
    const fresh = newDeviceToken();
    tx.insert(trustedDevices)
      .values({ tokenHash: deviceTokenHash(fresh)!, account, createdAt: now, lastUsedAt: now })
      .run();
    return fresh;
  });
}

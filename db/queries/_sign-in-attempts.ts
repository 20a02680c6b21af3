// Sign-in attempts counted before the password is checked: helpers taking the transaction of
// db/queries/sign-in.ts, which alone calls them.
import { and, count, desc, eq, gte, inArray, lt, max, min } from "drizzle-orm";
import {
  auditableEmail,
  throttleDecision,
  type KeyStats,
  type ThrottleDecision,
  type ThrottleKey,
  type ThrottleSettings,
} from "@/lib/auth/throttle";
import { type Tx } from "../client";
import { auditLog, loginFailures } from "../schema";
import { recordAudit } from "./_record-audit";

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
 * cleaned and capped (never the password). Checks nothing: for sign-in.ts only. A right
 * password of an account with a second factor is audited as auth.password_accepted: the
 * sign-in is not done until its code is (auth.signed_in then).
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
    secondFactorPending = false,
  }: {
    attemptIds: number[];
    ok: boolean;
    email: string;
    ip: string | null;
    userId: string | null;
    keys: ThrottleKey[];
    secondFactorPending?: boolean;
  },
): Promise<void> {
  if (ok) {
    const forget = keys.filter((k) => k.rule !== "address").map((k) => k.key);
    await tx.delete(loginFailures).where(inArray(loginFailures.id, attemptIds));
    await tx.delete(loginFailures).where(inArray(loginFailures.key, forget));
  }
  await recordAudit(tx, {
    actor: { userId, email: auditableEmail(email), ip },
    action: ok ? (secondFactorPending ? "auth.password_accepted" : "auth.signed_in") : "auth.sign_in_failed",
    entity: "session",
    entityId: userId,
  });
}

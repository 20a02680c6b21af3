// What an admin sees and clears of the sign-in counters, and the devices a browser signed in from.
import { count, desc, eq, gte, lt, max, min } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { describeThrottleKey, refusedUntil, type ThrottleRule, type ThrottleSettings } from "@/lib/auth/throttle";
import { deviceTokenHash, newDeviceToken } from "@/lib/auth/device";
import { NotFoundError } from "@/lib/errors";
import { getDb, readerOf, withWriteTransaction, type Database } from "../client";
import { loginFailures, trustedDevices } from "../schema";
import { recordAudit } from "./_record-audit";

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

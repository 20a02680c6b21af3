// The second factor's checks: helpers taking the caller's write transaction, checking no
// permission (the exported operations beside this file, db/queries/sign-in.ts and the admin
// reset do). Not for use outside the data layer.
import { and, count, desc, eq, gte, isNotNull, isNull, lt, min, sql } from "drizzle-orm";
import { decryptSecret, twoFactorKey } from "@/lib/auth/two-factor-key";
import {
  codeKind,
  matchTotpStep,
  recoveryCodeHash,
  secondFactorRefusedUntil,
  SECOND_FACTOR_WINDOW_MS,
} from "@/lib/auth/two-factor";
import { log } from "@/lib/log";
import type { Tx, WriteOptions } from "../../client";
import { auditLog, recoveryCodes, secondFactorFailures, userSecondFactors } from "../../schema";
import { recordAudit, type AuditInput } from "../_record-audit";

export type AuditActor = NonNullable<AuditInput["actor"]>;

/**
 * The write options of a transaction that checks `userId`'s codes: on PostgreSQL, checks for
 * one account take turns (an advisory lock on its key), as every write does on SQLite. Under
 * SERIALIZABLE alone, codes sent at once — a guesser's, or one code through two instances —
 * fail each other's count-then-add and exhaust the retries into 503s instead of being counted.
 */
export function codeCheckTurns(userId: string): WriteOptions {
  return { serializeOn: [`second-factor:${userId}`] };
}

export type CodeCheck =
  | { ok: true; kind: "totp" | "recovery"; recoveryCodesLeft: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  /** The secret does not decrypt: the key it was stored with is gone. Only a reset helps. */
  | { ok: false; reason: "unreadable" }
  | { ok: false; reason: "not-enabled" };

/** Why a code is checked: at sign-in (the user is told of wrong ones later) or to confirm who acts. */
export type CodePurpose = "sign-in" | "re-authentication";

/** The user's second factor once it is on (confirmed), or undefined. */
export async function enabledSecondFactor(tx: Tx, userId: string) {
  const [row] = await tx
    .select()
    .from(userSecondFactors)
    .where(and(eq(userSecondFactors.userId, userId), isNotNull(userSecondFactors.enabledAt)))
    .limit(1);
  return row;
}

/** Stores a user's new recovery codes (hashed) in place of every earlier one, used or not. */
export async function replaceStoredRecoveryCodes(tx: Tx, userId: string, codes: string[], at: string): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ codeHash: recoveryCodeHash(c)!, userId, createdAt: at })));
}

export async function recoveryCodesLeft(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Seconds until the account may send codes again, or null when it may now. */
export async function codesRefusedFor(tx: Tx, userId: string, now: number): Promise<number | null> {
  const [stats] = await tx
    .select({ n: count(), oldest: min(secondFactorFailures.at) })
    .from(secondFactorFailures)
    .where(and(eq(secondFactorFailures.userId, userId), gte(secondFactorFailures.at, now - SECOND_FACTOR_WINDOW_MS)));
  const until = secondFactorRefusedUntil({ count: stats?.n ?? 0, oldest: stats?.oldest ?? now }, now);
  return until === null ? null : Math.max(1, Math.ceil((until - now) / 1000));
}

/**
 * Counts a failure against the account's strict limit (a wrong code, or a wrong password when
 * re-authenticating) and audits it, aggregated: one `2fa.code_failed` row per account and
 * window, with running counts of the failures and of the refusals past the limit.
 */
export async function recordCodeFailure(
  tx: Tx,
  {
    actor,
    userId,
    now,
    purpose,
    refused = false,
  }: { actor: AuditActor; userId: string; now: number; purpose: CodePurpose; refused?: boolean },
): Promise<void> {
  const since = now - SECOND_FACTOR_WINDOW_MS;
  if (!refused) {
    await tx.insert(secondFactorFailures).values({ userId, at: now });
    await tx
      .delete(secondFactorFailures)
      .where(and(eq(secondFactorFailures.userId, userId), lt(secondFactorFailures.at, since)));
    if (purpose === "sign-in") {
      // Told to the user at their next sign-in (the notice under the header).
      await tx
        .update(userSecondFactors)
        .set({
          failedCodesUnseen: sql`${userSecondFactors.failedCodesUnseen} + 1`,
          failedCodeLastAt: new Date(now).toISOString(),
        })
        .where(eq(userSecondFactors.userId, userId));
    }
  }
  const [previous] = await tx
    .select({ id: auditLog.id, detail: auditLog.detail })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, "user"),
        eq(auditLog.entityId, userId),
        eq(auditLog.action, "2fa.code_failed"),
        gte(auditLog.at, new Date(since).toISOString()),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  const before = (previous?.detail ?? {}) as { failed?: unknown; refused?: unknown };
  const detail = {
    failed: (typeof before.failed === "number" ? before.failed : 0) + (refused ? 0 : 1),
    refused: (typeof before.refused === "number" ? before.refused : 0) + (refused ? 1 : 0),
    lastPurpose: purpose,
    lastAt: new Date(now).toISOString(),
    lastIp: actor.ip,
  };
  if (previous) {
    await tx.update(auditLog).set({ detail }).where(eq(auditLog.id, previous.id));
    return;
  }
  await recordAudit(tx, { actor, action: "2fa.code_failed", entity: "user", entityId: userId, detail });
}

/**
 * Checks a code for a user whose second factor is on, inside the caller's write transaction:
 * refused unverified past the strict limit; a TOTP code of the current window not used before
 * (its step is remembered, so it cannot be replayed), or, when allowed, an unused recovery
 * code (spent at once). A wrong one is counted and audited. A success forgets the account's
 * failures. Only the strict limit applies here, never the password limits.
 */
export async function checkSecondFactorCode(
  tx: Tx,
  {
    actor,
    userId,
    code,
    now,
    purpose,
    allowRecoveryCode = true,
  }: {
    actor: AuditActor;
    userId: string;
    code: string;
    now: number;
    purpose: CodePurpose;
    allowRecoveryCode?: boolean;
  },
): Promise<CodeCheck> {
  const retryAfterSeconds = await codesRefusedFor(tx, userId, now);
  if (retryAfterSeconds !== null) {
    await recordCodeFailure(tx, { actor, userId, now, purpose, refused: true });
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }
  const factor = await enabledSecondFactor(tx, userId);
  if (!factor) return { ok: false, reason: "not-enabled" };
  const kind = codeKind(code);
  if (kind === "totp") {
    const secret = decryptSecret(factor.secretEncrypted, userId, twoFactorKey());
    if (secret === null) {
      log.error(
        { userId },
        "a second-factor secret does not decrypt: is CHANCERY_2FA_KEY (or data/two-factor-key) the one it was stored with?",
      );
      return { ok: false, reason: "unreadable" };
    }
    const step = matchTotpStep({ secret, token: code, now, lastStep: factor.lastUsedStep });
    if (step !== null) {
      await tx
        .update(userSecondFactors)
        .set({ lastUsedStep: step, updatedAt: new Date(now).toISOString() })
        .where(eq(userSecondFactors.userId, userId));
      await tx.delete(secondFactorFailures).where(eq(secondFactorFailures.userId, userId));
      return { ok: true, kind, recoveryCodesLeft: await recoveryCodesLeft(tx, userId) };
    }
  } else if (kind === "recovery" && allowRecoveryCode) {
    const hash = recoveryCodeHash(code);
    const [spent] = hash
      ? await tx
          .update(recoveryCodes)
          .set({ usedAt: new Date(now).toISOString() })
          .where(and(eq(recoveryCodes.codeHash, hash), eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
          .returning({ codeHash: recoveryCodes.codeHash })
      : [];
    if (spent) {
      const left = await recoveryCodesLeft(tx, userId);
      await tx.delete(secondFactorFailures).where(eq(secondFactorFailures.userId, userId));
      await recordAudit(tx, {
        actor,
        action: "2fa.recovery_code_used",
        entity: "user",
        entityId: userId,
        detail: { purpose, recoveryCodesLeft: left },
      });
      return { ok: true, kind, recoveryCodesLeft: left };
    }
  }
  await recordCodeFailure(tx, { actor, userId, now, purpose });
  return { ok: false, reason: "invalid" };
}

/** Removes a user's second factor, its recovery codes and its counted failures (turned off or reset). */
export async function removeSecondFactor(tx: Tx, userId: string): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.delete(secondFactorFailures).where(eq(secondFactorFailures.userId, userId));
  await tx.delete(userSecondFactors).where(eq(userSecondFactors.userId, userId));
}

import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { decryptSecret, twoFactorKey } from "@/lib/auth/two-factor-key";
import { getDb, withReadTransaction, type Database } from "../../client";
import { userSecondFactors } from "../../schema";
import { recoveryCodesLeft } from "./_second-factor";

export type GetSecondFactorStatusOptions = { actor: Actor; db?: Database };

export type SecondFactorStatus =
  | { state: "off" }
  /** Being set up: the secret to show (QR code and manual key) until a code confirms it. */
  | { state: "setting-up"; secret: string }
  | { state: "on"; enabledAt: string; recoveryCodesLeft: number };

/**
 * The actor's own second factor. While it is being set up this is the one place its secret
 * leaves the data layer, decrypted, for the actor's enrolment page; once on, it never does.
 */
export async function getSecondFactorStatus({
  actor,
  db = getDb(),
}: GetSecondFactorStatusOptions): Promise<SecondFactorStatus> {
  return withReadTransaction(db, async (tx) => {
    const [row] = await tx.select().from(userSecondFactors).where(eq(userSecondFactors.userId, actor.userId)).limit(1);
    if (!row) return { state: "off" as const };
    if (row.enabledAt)
      return {
        state: "on" as const,
        enabledAt: row.enabledAt,
        recoveryCodesLeft: await recoveryCodesLeft(tx, actor.userId),
      };
    const secret = decryptSecret(row.secretEncrypted, actor.userId, twoFactorKey());
    // A set-up begun under a key since lost: start again.
    return secret === null ? { state: "off" as const } : { state: "setting-up" as const, secret };
  });
}

import { and, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { newTotpSecret } from "@/lib/auth/two-factor";
import { encryptSecret, twoFactorKey } from "@/lib/auth/two-factor-key";
import { ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { userSecondFactors } from "../../schema";

export type StartSecondFactorSetupOptions = { actor: Actor; db?: Database };

/**
 * Begins setting up the actor's own second factor: a new random secret, stored encrypted and
 * not yet on (a set-up begun before is replaced). It is on only once a code from the app
 * confirms it (confirmSecondFactor). Refused while one is on: turn it off first.
 */
export async function startSecondFactorSetup({ actor, db = getDb() }: StartSecondFactorSetupOptions): Promise<void> {
  const secretEncrypted = encryptSecret(newTotpSecret(), actor.userId, twoFactorKey());
  await withWriteTransaction(db, async (tx) => {
    const [on] = await tx
      .select({ userId: userSecondFactors.userId })
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, actor.userId), isNotNull(userSecondFactors.enabledAt)))
      .limit(1);
    if (on) throw new ValidationError("Two-step verification is already on.");
    const now = new Date().toISOString();
    await tx
      .insert(userSecondFactors)
      .values({ userId: actor.userId, secretEncrypted, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: userSecondFactors.userId,
        set: { secretEncrypted, lastUsedStep: null, createdAt: now, updatedAt: now },
      });
  });
}

import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { userSecondFactors } from "../../schema";

export type AcknowledgeFailedCodesOptions = { actor: Actor; db?: Database };

/** The actor has read the notice of wrong codes sent for their account: it is not shown again. */
export async function acknowledgeFailedCodes({ actor, db = getDb() }: AcknowledgeFailedCodesOptions): Promise<void> {
  await withWriteTransaction(db, async (tx) => {
    await tx
      .update(userSecondFactors)
      .set({ failedCodesUnseen: 0, failedCodeLastAt: null })
      .where(eq(userSecondFactors.userId, actor.userId));
  });
}

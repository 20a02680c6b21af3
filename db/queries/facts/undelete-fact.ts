import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { loadFactRecord, type FactRecord } from "./_fact-record";
import { changeFact, checkFactReferences, factStaleError } from "./_fact-writes";

export interface UndeleteFactOptions {
  actor: Actor;
  id: string;
  version: number;
  db?: Database;
}

/**
 * Takes a fact back out of the trash; version-checked and audited; admins only. Refused while
 * what it refers to has changed under it meanwhile (its source deleted or its quote edited out
 * of it, its meeting, a party or a topic deleted): restoring it would put a fact without
 * provenance back.
 */
export async function undeleteFact({ actor, id, version, db = getDb() }: UndeleteFactOptions): Promise<FactRecord> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const stored = await loadFactRecord(tx, id, { level: actor.clearanceLevel, includeDeleted: true });
    if (stored && stored.version !== version) throw factStaleError(stored);
    if (stored) {
      try {
        await checkFactReferences(tx, stored);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const reasons = Object.values(error.fieldErrors).flat().join(" ");
        throw new ValidationError(
          `This fact cannot be restored as it stands: ${reasons} Restore or fix what it refers to first.`,
          error.fieldErrors,
        );
      }
    }
    return changeFact(tx, actor, id, version, "fact.undeleted", { deletedAt: null }, { includeDeleted: true });
  });
}

import { eq } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { storedFactSnapshotSchema } from "@/lib/admin/fact-snapshot";
import { NotFoundError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { auditLog } from "../../schema";
import type { FactRecord } from "./_fact-record";
import { changeFact, checkFactReferences } from "./_fact-writes";

export interface RestoreFactVersionOptions {
  actor: Actor;
  id: string;
  /** The fact's current version: restoring over a newer save is a ConflictError. */
  version: number;
  /** The audit row (of this fact) whose "after" is the version to bring back. */
  auditId: number;
  db?: Database;
}

/** Puts a fact back to how an earlier audit row recorded it: a new, audited, version-checked change; admins only. */
export async function restoreFactVersion({
  actor,
  id,
  version,
  auditId,
  db = getDb(),
}: RestoreFactVersionOptions): Promise<FactRecord> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const [row] = await tx.select().from(auditLog).where(eq(auditLog.id, auditId)).limit(1);
    const parsed =
      row?.entity === "fact" && row.entityId === id ? storedFactSnapshotSchema.safeParse(row.after) : undefined;
    if (!parsed?.success) throw new NotFoundError("No such version of this fact.");
    const { partyIds, topicIds, ...data } = parsed.data;
    await checkFactReferences(tx, { ...data, partyIds, topicIds });
    return changeFact(tx, actor, id, version, "fact.version_restored", { data, links: { partyIds, topicIds } });
  });
}

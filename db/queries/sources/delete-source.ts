import { and, eq, sql } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { sources, type Source } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadLiveSource, sourceSnapshot, sourceStaleError } from "./_source-record";
import { sourceReferences } from "./_source-references";

export interface DeleteSourceOptions {
  actor: Actor;
  id: string;
  version: number;
  db?: Database;
}

/** Soft delete, version-checked and audited; refused, naming what refers to it, while anything live does; admins only. */
export async function deleteSource({ actor, id, version, db = getDb() }: DeleteSourceOptions): Promise<Source> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const before = await loadLiveSource(tx, id);
    if (!before) throw new NotFoundError("No such source.");
    if (before.version !== version) throw sourceStaleError(before);
    const refs = await sourceReferences(tx, id, actor.clearanceLevel);
    if (refs.length)
      throw new ValidationError(`This source is still referred to, so it cannot be deleted: ${refs.join(", ")}.`);
    const [after] = await tx
      .update(sources)
      .set({
        deletedAt: new Date().toISOString(),
        version: sql`${sources.version} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(sources.id, id), eq(sources.version, version)))
      .returning();
    if (!after) throw sourceStaleError(before);
    await recordAudit(tx, {
      actor,
      action: "source.deleted",
      entity: "source",
      entityId: id,
      before: sourceSnapshot(before),
      after: sourceSnapshot(after),
    });
    return after;
  });
}

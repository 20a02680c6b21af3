import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { sourceFormSchema } from "@/lib/validation/source";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { auditLog, type Source } from "../../schema";
import { changeSource } from "./_source-record";

export interface RestoreSourceVersionOptions {
  actor: Actor;
  id: string;
  /** The source's current version: restoring over a newer save is a ConflictError. */
  version: number;
  /** The audit row (of this source) whose "after" is the version to bring back. */
  auditId: number;
  db?: Database;
}

/**
 * Brings back a source as an audit row recorded it: a new, version-checked and audited
 * change, validated like a form save (so it too is refused if it drops a quoted passage);
 * admins only.
 */
export async function restoreSourceVersion({
  actor,
  id,
  version,
  auditId,
  db = getDb(),
}: RestoreSourceVersionOptions): Promise<Source> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const [entry] = await tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.id, auditId), eq(auditLog.entity, "source"), eq(auditLog.entityId, id)))
      .limit(1);
    const then = z.record(z.string(), z.unknown()).safeParse(entry?.after);
    if (!then.success) throw new NotFoundError("No such version of this source.");
    const input = sourceFormSchema.safeParse({
      ...then.data,
      id: undefined,
      version: undefined,
      publishedInferred: String(then.data.publishedInferred === true),
    });
    if (!input.success)
      throw new ValidationError("That version can no longer be restored: it does not pass today's rules.");
    return changeSource(tx, actor, id, version, input.data, "source.version_restored");
  });
}

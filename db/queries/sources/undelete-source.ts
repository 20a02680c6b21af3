import { and, eq, isNotNull, sql } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { sources, type Source } from "../../schema";
import { recordAudit } from "../_record-audit";
import { sourceSnapshot, sourceStaleError } from "./_source-record";

export interface UndeleteSourceOptions {
  actor: Actor;
  id: string;
  version: number;
  db?: Database;
}

/** Brings a source back from the trash: version-checked and audited; admins only. */
export async function undeleteSource({ actor, id, version, db = getDb() }: UndeleteSourceOptions): Promise<Source> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(sources)
      .where(and(eq(sources.id, id), isNotNull(sources.deletedAt)))
      .limit(1);
    if (!before) throw new NotFoundError("No such source in the trash.");
    if (before.version !== version) throw sourceStaleError(before);
    const [after] = await tx
      .update(sources)
      .set({ deletedAt: null, version: sql`${sources.version} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(sources.id, id), eq(sources.version, version)))
      .returning();
    if (!after) throw sourceStaleError(before);
    await recordAudit(tx, {
      actor,
      action: "source.undeleted",
      entity: "source",
      entityId: id,
      before: sourceSnapshot(before),
      after: sourceSnapshot(after),
    });
    return after;
  });
}

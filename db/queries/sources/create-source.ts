import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import type { SourceInput } from "@/lib/validation/source";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { sources, type Source } from "../../schema";
import { recordAudit } from "../_record-audit";
import { sourceColumns, sourceSnapshot } from "./_source-record";

export interface CreateSourceOptions {
  actor: Actor;
  input: SourceInput;
  db?: Database;
}

/** Adds a source; audited; admins only. */
export async function createSource({ actor, input, db = getDb() }: CreateSourceOptions): Promise<Source> {
  assertAdmin(actor);
  return withWriteTransaction(db, async (tx) => {
    const id = input.id ?? `src-${randomUUID()}`;
    const [taken] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, id)).limit(1);
    if (taken) throw new ValidationError("A source with this id exists.");
    const [row] = await tx
      .insert(sources)
      .values({ id, ...sourceColumns(input) })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "source.created",
      entity: "source",
      entityId: id,
      after: sourceSnapshot(row!),
    });
    return row!;
  });
}

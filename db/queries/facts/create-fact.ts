import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { factSnapshot } from "@/lib/admin/fact-snapshot";
import { ValidationError } from "@/lib/errors";
import type { FactInput } from "@/lib/validation/fact";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { facts } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadFactRecord, type FactRecord } from "./_fact-record";
import {
  checkFactReferences,
  checkMarkingWithinClearance,
  splitFactInput,
  userRef,
  writeFactLinks,
} from "./_fact-writes";

export interface CreateFactOptions {
  actor: Actor;
  input: FactInput;
  db?: Database;
}

/** Adds a fact with its links, after checking what it refers to; audited; admins only. */
export async function createFact({ actor, input, db = getDb() }: CreateFactOptions): Promise<FactRecord> {
  assertAdmin(actor);
  const { data, links } = splitFactInput(input);
  checkMarkingWithinClearance(actor, data.marking);
  return withWriteTransaction(db, async (tx) => {
    await checkFactReferences(tx, { ...data, ...links });
    const id = input.id ?? `fact-${randomUUID()}`;
    const [taken] = await tx.select({ id: facts.id }).from(facts).where(eq(facts.id, id)).limit(1);
    if (taken) throw new ValidationError("A fact with this id exists.", { id: ["A fact with this id exists."] });
    await tx.insert(facts).values({ id, ...data, createdBy: userRef(actor), updatedBy: userRef(actor) });
    await writeFactLinks(tx, id, links);
    const after = (await loadFactRecord(tx, id, { level: actor.clearanceLevel }))!;
    await recordAudit(tx, { actor, action: "fact.created", entity: "fact", entityId: id, after: factSnapshot(after) });
    return after;
  });
}

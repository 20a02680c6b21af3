import { and, asc, count, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { LIST_PAGE_SIZE } from "@/lib/validation/list-query";
import { getDb, withReadTransaction, type Database } from "../../client";
import { containsText, pageWindow, type ListPage } from "../_list-page";
import { tableOf, type ReferenceRecord } from "./_records";

/** One page of a kind's live records, filtered by a piece of the id or name; admins only. */
export async function searchReferenceRecords<K extends ReferenceKind>({
  actor,
  kind,
  q,
  page = 1,
  pageSize = LIST_PAGE_SIZE,
  db = getDb(),
}: {
  actor: Actor;
  kind: K;
  q?: string;
  page?: number;
  pageSize?: number;
  db?: Database;
}): Promise<ListPage<ReferenceRecord<K>>> {
  assertAdmin(actor);
  const t = tableOf(kind);
  const where = and(isNull(t.deletedAt), containsText(q, [t.id, t.name]));
  // One snapshot, so the total and the page agree.
  return withReadTransaction(db, async (tx) => {
    const [{ n: total }] = await tx.select({ n: count() }).from(t).where(where);
    const { offset, ...window } = pageWindow(total, page, pageSize);
    const rows = await tx.select().from(t).where(where).orderBy(asc(t.id)).limit(pageSize).offset(offset);
    return { rows, total, ...window };
  });
}

import { and, count, isNull } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { LIST_PAGE_SIZE } from "@/lib/validation/list-query";
import { getDb, readerOf, type Database } from "../../client";
import { sources } from "../../schema";
import { containsText, pageWindow } from "../_list-page";
import { sourceListQuery } from "./_source-record";

export interface SearchSourcesOptions {
  actor: Actor;
  /** A piece of the title, publisher or id. */
  q?: string;
  page?: number;
  pageSize?: number;
  db?: Database;
}

/** One page of the sources list, filtered by a piece of the title, publisher or id; admins only. */
export async function searchSources({
  actor,
  q,
  page = 1,
  pageSize = LIST_PAGE_SIZE,
  db = getDb(),
}: SearchSourcesOptions) {
  assertAdmin(actor);
  const tx = readerOf(db);
  const match = containsText(q, [sources.title, sources.publisher, sources.id]);
  const [counted] = await tx
    .select({ n: count() })
    .from(sources)
    .where(and(isNull(sources.deletedAt), match));
  const total = counted?.n ?? 0;
  const { offset, ...window } = pageWindow(total, page, pageSize);
  return {
    rows: await sourceListQuery(tx, actor.clearanceLevel, match).limit(pageSize).offset(offset),
    total,
    ...window,
  };
}

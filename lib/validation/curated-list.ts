import { z } from "zod";

/** Rows per page on the parties, topics, people and meetings lists. */
export const CURATED_PAGE_SIZE = 50;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v);

/**
 * A curated list's filter as it stands in the URL (`?q=…&page=…`). A hand-edited or stale
 * URL never fails the page: a value that does not parse is dropped.
 */
export const curatedListSchema = z.object({
  q: z.preprocess(first, z.string().trim().max(100).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  done: z.preprocess(first, z.string().max(20).optional().catch(undefined)),
});
export type CuratedListQuery = z.output<typeof curatedListSchema>;

/** The list URL for a filter and page, leaving out the defaults. */
export function curatedListHref(path: string, { q, page }: { q?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

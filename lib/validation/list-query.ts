import { z } from "zod";

/** Rows per page on the admin lists other than facts (parties, topics, people, meetings, sources, users). */
export const LIST_PAGE_SIZE = 50;

/** A search parameter as one value: the first of a repeated key, and nothing for an empty one. */
export const firstParam = (v: unknown) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v);

/**
 * An admin list's filter as it stands in the URL (`?q=…&page=…`, and `done=…` after an
 * action). A hand-edited or stale URL never fails the page: a value that does not parse is
 * dropped.
 */
export const listQuerySchema = z.object({
  // A longer filter (a pasted text, a hand-edited URL) is cut, not dropped: dropping it would
  // show the whole list as if everything matched.
  q: z.preprocess(
    firstParam,
    z
      .string()
      .trim()
      .transform((q) => q.slice(0, 100).normalize("NFC") || undefined)
      .optional()
      .catch(undefined),
  ),
  page: z.preprocess(firstParam, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  done: z.preprocess(firstParam, z.string().max(20).optional().catch(undefined)),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/** The list URL for a filter and page, leaving out the defaults. */
export function listHref(path: string, { q, page }: { q?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

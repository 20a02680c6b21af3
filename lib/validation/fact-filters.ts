import { z } from "zod";
import { FACT_KINDS } from "@/lib/model/facts";
import { isValidIsoDay } from "@/lib/dates/date-span";
import { parseSearch } from "@/lib/search/fts";
import { firstParam } from "./list-query";

/**
 * Orders of the fact list: by relevance (with search words only) or a column; anything else
 * in the URL falls back to the default, relevance when words are searched, else date.
 */
export const FACT_SORTS = ["relevance", "date", "updated", "kind", "source", "id"] as const;
export type FactSort = (typeof FACT_SORTS)[number];
export const PAGE_SIZE = 25;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const day = z.string().refine(isValidIsoDay);

/**
 * The fact list's filters as they stand in the URL. A hand-edited or stale URL never
 * fails the page: a value that does not parse is dropped, not reported.
 */
export const factFiltersSchema = z
  .object({
    country: z.preprocess(firstParam, optional(z.string().max(100))),
    topic: z.preprocess(firstParam, optional(z.string().max(100))),
    source: z.preprocess(firstParam, optional(z.string().max(100))),
    kind: z.preprocess(firstParam, optional(z.enum(FACT_KINDS))),
    from: z.preprocess(firstParam, optional(day)),
    to: z.preprocess(firstParam, optional(day)),
    q: z.preprocess(firstParam, optional(z.string().max(200))),
    sort: z.preprocess(firstParam, optional(z.enum(FACT_SORTS))),
    dir: z.preprocess(firstParam, z.enum(["asc", "desc"]).catch("desc").default("desc")),
    page: z.preprocess(firstParam, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  })
  .transform((f) => ({ ...f, sort: f.sort ?? defaultSort(f.q) }));
export type FactFilters = z.output<typeof factFiltersSchema>;

/** The order a list gets when the address names none: relevance when there are words to search. */
export function defaultSort(q: string | undefined): FactSort {
  return parseSearch(q) ? "relevance" : "date";
}

/** The URL query for a set of filters, without defaults (so bookmarks stay short). */
export function filtersToQuery(filters: Partial<FactFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "") continue;
    if (
      (key === "sort" && value === defaultSort(filters.q)) ||
      (key === "dir" && value === "desc") ||
      (key === "page" && value === 1)
    )
      continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

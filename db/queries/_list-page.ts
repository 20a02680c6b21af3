import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { dialect } from "../dialect";

/** One page of an admin list, and where it stands in the whole. */
export interface ListPage<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/**
 * Any of `columns` contains `q`, ignoring case in every script (dialect.casefold: SQLite's
 * connection function, PostgreSQL's lower(normalize())), with `%`, `_` and `\` in `q` matching
 * literally. Undefined for an empty `q`.
 */
export function containsText(q: string | undefined, columns: SQLWrapper[]): SQL | undefined {
  if (!q) return undefined;
  const folded = q.normalize("NFC").toLowerCase();
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(${sql.join(
    columns.map((column) => sql`${dialect.casefold(column)} LIKE ${pattern} ESCAPE '\\'`),
    sql` OR `,
  )})`;
}

/** The page to show for `total` rows (a page past the end gives the last one) and its offset. */
export function pageWindow(total: number, page: number, pageSize: number) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return { page: current, pageCount, pageSize, offset: (current - 1) * pageSize };
}

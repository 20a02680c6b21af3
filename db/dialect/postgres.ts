import { sql, type SQLWrapper } from "drizzle-orm";
import type { Dialect } from "./types";

/** PostgreSQL's raw SQL (./types.ts says what each function is for). */
export const postgresDialect: Dialect = {
  engine: "postgres",
  casefold: (expression: SQLWrapper) => sql`lower(normalize(${expression}, NFC))`,
  // jsonb containment: the array holds an element equal to the value (of the same JSON type).
  jsonArrayContains: (column: SQLWrapper, value: string | number) =>
    sql`${column} @> ${JSON.stringify([value])}::jsonb`,
  booleanLiteral: (value: boolean) => (value ? sql`true` : sql`false`),
  readBoolean: (value: unknown) => value === true,
  offsetOnly: (count: number) => sql`OFFSET ${count}`,
  withoutIndex: (column: SQLWrapper) => sql`${column}`,
  uniqueViolationColumn: (error: unknown) => {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
      if (!("code" in e) || e.code !== "23505") continue;
      const detail = "detail" in e && typeof e.detail === "string" ? e.detail : "";
      return /^Key \((\w+)\)=/.exec(detail)?.[1] ?? null;
    }
    return null;
  },
  fixedOrderJoin: () => sql`JOIN`,
  countWhere: (condition: SQLWrapper) => sql`count(*) FILTER (WHERE ${condition})`,
  selectFirstPer: ({
    key,
    lowest,
    tieBreak,
    columns,
    from,
  }) => sql`SELECT DISTINCT ON (${key}) ${columns(sql`${lowest}`)}
    ${from} ORDER BY ${key}, ${lowest}, ${tieBreak}`,
};

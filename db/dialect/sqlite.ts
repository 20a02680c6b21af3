import { sql, type SQLWrapper } from "drizzle-orm";
import type { Dialect } from "./types";

/** SQLite's raw SQL (./types.ts says what each function is for). */
export const sqliteDialect: Dialect = {
  engine: "sqlite",
  casefold: (expression: SQLWrapper) => sql`casefold(${expression})`,
  jsonArrayContains: (column: SQLWrapper, value: string | number) =>
    sql`EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ${value})`,
  booleanLiteral: (value: boolean) => (value ? sql`1` : sql`0`),
  readBoolean: (value: unknown) => value === 1 || value === true,
  offsetOnly: (count: number) => sql`LIMIT -1 OFFSET ${count}`,
  withoutIndex: (column: SQLWrapper) => sql`+${column}`,
  uniqueViolationColumn: (error: unknown) => {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
      const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(e.message)?.[1];
      if (column) return column;
    }
    return null;
  },
  fixedOrderJoin: () => sql`CROSS JOIN`,
  countWhere: (condition: SQLWrapper) => sql`sum(${condition})`,
  selectFirstPer: ({ key, lowest, columns, from }) => sql`SELECT ${columns(sql`min(${lowest})`)}
    ${from} GROUP BY ${key}`,
};

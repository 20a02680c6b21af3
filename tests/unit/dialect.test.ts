import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows, type Tx } from "@/db/client";
import { dialect, postgresDialect, type Dialect } from "@/db/dialect";
import { ENGINE } from "@/db/engine";
import { createMigratedDb, sqlRows, sqlWrite, type TestDb } from "../helpers/db";
import { pgDbForFile } from "../helpers/pg-db";

// db/dialect: each engine's raw SQL, the same functions, the same answers. Run on the engine
// under test (the database createMigratedDb gives: SQLite, or PostgreSQL in `npm run test:pg`)
// and, in every run, on PostgreSQL too (its own cluster): so the SQLite run alone covers both.

type Rows = <T>(query: SQL) => Promise<T[]>;
type Write = (query: SQL) => Promise<unknown>;

function dialectCases(
  name: string,
  d: () => Dialect,
  rows: () => Rows,
  write: () => Write,
  jsonArray: (json: string) => SQL,
) {
  describe(`${name}: db/dialect`, () => {
    const one = async <T>(query: SQL) => (await rows()<T>(query))[0];

    it("casefold() folds case in every script, after NFC", async () => {
      const { v } = await one<{ v: string }>(sql`SELECT ${d().casefold(sql`${"МУРАТ Ёлка E\u0301LAN"}`)} AS v`);
      expect(v).toBe("мурат ёлка élan");
      const { hit } = await one<{ hit: unknown }>(
        sql`SELECT CASE WHEN ${d().casefold(sql`${"Мурат"}`)} LIKE ${"%мур%"} THEN 1 ELSE 0 END AS hit`,
      );
      expect(Number(hit)).toBe(1);
    });

    it("jsonArrayContains() finds an element of its own JSON type", async () => {
      const array = jsonArray(`["party-1", 3]`);
      const { a, b, c, e } = await one<Record<string, unknown>>(sql`SELECT
        CASE WHEN ${d().jsonArrayContains(array, "party-1")} THEN 1 ELSE 0 END AS a,
        CASE WHEN ${d().jsonArrayContains(array, 3)} THEN 1 ELSE 0 END AS b,
        CASE WHEN ${d().jsonArrayContains(array, "party-2")} THEN 1 ELSE 0 END AS c,
        CASE WHEN ${d().jsonArrayContains(array, "3")} THEN 1 ELSE 0 END AS e`);
      expect([a, b, c, e].map(Number)).toEqual([1, 1, 0, 0]);
    });

    it("booleanLiteral() compares with a boolean column, and readBoolean() reads one back", async () => {
      const { n } = await one<{ n: number }>(
        sql`SELECT count(*) AS n FROM facts WHERE date_inferred = ${d().booleanLiteral(false)}`,
      );
      expect(n).toBe(0);
      const { yes, no } = await one<{ yes: unknown; no: unknown }>(
        sql`SELECT ${d().booleanLiteral(true)} AS yes, ${d().booleanLiteral(false)} AS no`,
      );
      expect([d().readBoolean(yes), d().readBoolean(no)]).toEqual([true, false]);
    });

    it("offsetOnly() skips rows without a limit", async () => {
      const got = await rows()<{ v: number }>(
        sql`SELECT v FROM (SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3) t ORDER BY v ${d().offsetOnly(1)}`,
      );
      expect(got.map((r) => Number(r.v))).toEqual([2, 3]);
    });

    it("withoutIndex() leaves the value and the answer alone", async () => {
      const { n } = await one<{ n: number }>(
        sql`SELECT count(*) AS n FROM fact_topics WHERE ${d().withoutIndex(sql`topic_id`)} IN ('a', 'b')`,
      );
      expect(n).toBe(0);
      const { v } = await one<{ v: number }>(sql`SELECT ${d().withoutIndex(sql`2`)} * 3 AS v`);
      expect(Number(v)).toBe(6);
    });

    it("uniqueViolationColumn() names the column of a broken UNIQUE constraint, and nothing else", async () => {
      const id = `topic-${Math.random().toString(36).slice(2)}`;
      const now = new Date().toISOString();
      await write()(sql`INSERT INTO topics (id, name, created_at, updated_at) VALUES (${id}, ${id}, ${now}, ${now})`);
      const duplicate = await write()(
        sql`INSERT INTO topics (id, name, created_at, updated_at) VALUES (${`${id}-2`}, ${id}, ${now}, ${now})`,
      ).catch((e: unknown) => e);
      expect(d().uniqueViolationColumn(duplicate)).toBe("name");
      const missingTable = await write()(sql`INSERT INTO no_such_table (id) VALUES (1)`).catch((e: unknown) => e);
      expect(missingTable).toBeInstanceOf(Error);
      expect(d().uniqueViolationColumn(missingTable)).toBeNull();
    });

    it("fixedOrderJoin() joins on a condition", async () => {
      const got = await rows()<{ a: number; b: number }>(
        sql`SELECT l.v AS a, r.v AS b FROM (SELECT 1 AS v UNION ALL SELECT 2) l
          ${d().fixedOrderJoin()} (SELECT 2 AS v UNION ALL SELECT 3) r ON r.v = l.v + 1 ORDER BY l.v`,
      );
      expect(got.map((r) => [Number(r.a), Number(r.b)])).toEqual([
        [1, 2],
        [2, 3],
      ]);
    });

    it("countWhere() counts the rows of a group satisfying a condition, 0 when none", async () => {
      const got = await rows()<{ g: string; n: unknown; none: unknown }>(
        sql`SELECT g, ${d().countWhere(sql`v > 1`)} AS n, ${d().countWhere(sql`v > 9`)} AS none
          FROM (SELECT 'a' AS g, 1 AS v UNION ALL SELECT 'a', 2 UNION ALL SELECT 'a', 3 UNION ALL SELECT 'b', 1) t
          GROUP BY g ORDER BY g`,
      );
      expect(got.map((r) => [r.g, Number(r.n), Number(r.none)])).toEqual([
        ["a", 2, 0],
        ["b", 0, 0],
      ]);
    });

    it("selectFirstPer() gives per key the row of the lowest value, ties by the tie-break", async () => {
      // Rows read in (k, t) order, as a key's rows are on SQLite.
      const got = await rows()<{ k: string; lo: number; t: string; x: string }>(
        sql`SELECT k, lo, t, x FROM (${d().selectFirstPer({
          key: sql`r.k`,
          lowest: sql`r.o`,
          tieBreak: sql`r.t`,
          columns: (lowest) => sql`r.k AS k, ${lowest} AS lo, r.t AS t, r.x AS x`,
          from: sql`FROM (SELECT * FROM (SELECT 'k1' AS k, 2 AS o, 'a' AS t, 'k1a' AS x
            UNION ALL SELECT 'k1', 1, 'b', 'k1b' UNION ALL SELECT 'k1', 1, 'c', 'k1c'
            UNION ALL SELECT 'k2', 5, 'a', 'k2a' UNION ALL SELECT 'k3', 0, 'z', 'skip') u ORDER BY k, t) r
            WHERE r.x <> 'skip'`,
        })}) s ORDER BY k`,
      );
      expect(got.map((r) => [r.k, Number(r.lo), r.t, r.x])).toEqual([
        ["k1", 1, "b", "k1b"],
        ["k2", 5, "a", "k2a"],
      ]);
    });
  });
}

let t: TestDb | undefined;
beforeAll(async () => {
  t = await createMigratedDb();
});
afterAll(() => t?.close());

dialectCases(
  `the engine under test (${ENGINE})`,
  () => dialect,
  () => (query) => sqlRows(t!.db, query),
  () => (query) => sqlWrite(t!.db, query),
  (json) => (ENGINE === "postgres" ? sql`${json}::jsonb` : sql`${json}`),
);

const pg = pgDbForFile();
dialectCases(
  "PostgreSQL",
  () => postgresDialect,
  () => (query) => selectRows(pg.db() as unknown as Tx, query),
  () => (query) => pg.db().execute(query),
  (json) => sql`${json}::jsonb`,
);

import { getTableName, is, type Column } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pgSchema from "../schema-pg";
import * as sqliteSchema from "../schema/sqlite";

/**
 * The tables db:copy moves: every table of db/schema/sqlite.ts with its twin of db/schema-pg
 * (same SQL name, columns and row types: tests/unit/schema-engines.test.ts), in foreign-key
 * order (a table after every table it references), so each insert finds its parents.
 *
 * Not here, and not copied: what the databases derive themselves. SQLite's full-text tables
 * (facts_fts, facts_words) and `fact_party_topics` on both engines are kept by triggers on
 * facts, fact_parties, fact_topics and topics, which fire as those rows are inserted;
 * PostgreSQL's `facts.search` is a generated column. drizzle's migrations record is written by
 * the target's own migrator.
 */
export interface CopiedTable {
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
  /** The JavaScript keys of the columns that order the rows (unique, never null). */
  orderKeys: string[];
}

/*
 * Rows are read (and hashed) in primary-key order, except where a table references itself:
 * then a parent must be inserted before its children. A reply to a comment is made after the
 * comment, so comments go in insertion order (seq, set on every row by a trigger or identity).
 */
const INSERTION_ORDER: Record<string, string[]> = { briefing_comments: ["seq"] };

function keyOf(table: SQLiteTable, column: Column): string {
  const entry = Object.entries(table).find(([, c]) => c === column);
  if (!entry) throw new Error(`Column ${column.name} not found in ${getTableName(table)}.`);
  return entry[0];
}

function primaryKeys(table: SQLiteTable): string[] {
  const config = getTableConfig(table);
  const single = config.columns.filter((c) => c.primary);
  const columns = single.length > 0 ? single : (config.primaryKeys[0]?.columns ?? []);
  if (columns.length === 0) throw new Error(`${config.name} has no primary key: db:copy cannot order its rows.`);
  return columns.map((c) => keyOf(table, c));
}

function parentsOf(table: SQLiteTable): string[] {
  return getTableConfig(table).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable));
}

function sortByForeignKeys(tables: SQLiteTable[]): SQLiteTable[] {
  const byName = new Map(tables.map((t) => [getTableName(t), t]));
  const sorted: SQLiteTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`Foreign keys form a cycle: ${[...path, name].join(" → ")}.`);
    state.set(name, "visiting");
    const table = byName.get(name)!;
    for (const parent of parentsOf(table)) if (parent !== name) visit(parent, [...path, name]);
    state.set(name, "done");
    sorted.push(table);
  };
  // Alphabetical first, so the order is the same on every run.
  for (const name of [...byName.keys()].sort()) visit(name, []);
  return sorted;
}

function pgTwins(): Map<string, PgTable> {
  const twins = new Map<string, PgTable>();
  for (const value of Object.values(pgSchema)) if (is(value, PgTable)) twins.set(getTableName(value), value);
  return twins;
}

let cached: CopiedTable[] | undefined;

export function copiedTables(): CopiedTable[] {
  if (cached) return cached;
  const sqliteTables = (Object.values(sqliteSchema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
  const twins = pgTwins();
  cached = sortByForeignKeys(sqliteTables).map((table) => {
    const name = getTableName(table);
    const pg = twins.get(name);
    if (!pg) throw new Error(`${name} has no PostgreSQL twin in db/schema-pg.`);
    const selfReferencing = parentsOf(table).includes(name);
    const orderKeys = INSERTION_ORDER[name] ?? primaryKeys(table);
    if (selfReferencing && !INSERTION_ORDER[name]) {
      throw new Error(`${name} references itself: say in db/copy/tables.ts which order puts parents first.`);
    }
    return { name, sqlite: table, pg, orderKeys };
  });
  return cached;
}

/**
 * A table the target's triggers fill: counted and hashed on both ends after the copy, to show
 * the triggers rebuilt it. Raw SQL (it is in neither schema); booleans are 0/1 on SQLite.
 */
export interface DerivedTable {
  name: string;
  /** The view it equals (its migration's), from which it is rebuilt at once after a copy. */
  view: string;
  /** Its primary key, in order, and which of those columns are text (compared byte by byte). */
  orderColumns: { name: string; text: boolean }[];
  booleanColumns: string[];
}

export const DERIVED_TABLES: DerivedTable[] = [
  {
    name: "fact_party_topics",
    view: "fact_party_topics_joined",
    orderColumns: [
      { name: "party_id", text: true },
      { name: "seq", text: false },
      { name: "topic_id", text: true },
    ],
    booleanColumns: ["first_topic"],
  },
];

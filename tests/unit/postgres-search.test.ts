import { sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema-pg";
import { parseSearch } from "@/lib/search/fts";
import { tsSearch, type TsSearch } from "@/lib/search/tsquery";
import { pgDbForFile, type PgDb } from "../helpers/pg-db";

// Search on PostgreSQL (issue 17): lib/search/tsquery.ts's queries over facts.search give the
// matches tests/unit/search.test.ts pins for SQLite — stems, the last word as a prefix from
// three characters, case and diacritics folded, Cyrillic included, operators as words. On
// hand-made facts, in every run (its own cluster); search.test.ts runs the data layer's search
// (db/queries/_fact-search-postgres.ts) on the seed in `npm run test:pg`.

const FACTS: Record<string, { text: string; quote: string }> = {
  vent: { text: "Mobile medical ventilators were delivered to Almaty.", quote: "The ventilators arrived on time." },
  units: { text: "Ten ventilator units were bought.", quote: "The hospital bought ten units." },
  coop: { text: "Cooperation in energy deepened.", quote: "Cooperative projects were launched." },
  covid: { text: "The Covid-19 pandemic slowed trade.", quote: "Trade fell during the pandemic." },
  kassym: { text: "Kassym-Jomart Tokayev received the delegation.", quote: "The President met them." },
  tokaev: { text: "Президент Токаев провёл переговоры.", quote: "Переговоры прошли в Астане." },
  // A Cyrillic "Р" (U+0420) starting an otherwise Latin word, as in one of the shipped quotes.
  rart: { text: "Ministers met in Astana.", quote: "\u0420articipants agreed on a roadmap." },
  ops: { text: "Trade and investment, or not.", quote: "Neither this nor that: EU text." },
  // What PostgreSQL's parser reads as a tag, a host or file name, a decimal: words to SQLite.
  markup: {
    text: "<b>Almaty</b> hosted G20 sherpas; see mfa.gov.kz.",
    quote: "Turnover rose 49.7% in 2023 <script>window.__pwned=1</script>.",
  },
};

let db: PgDb;
pgDbForFile(async (migrated) => {
  db = migrated;
  await db.insert(s.sources).values({
    id: "src",
    publishedStart: "2024-03-01",
    publishedEnd: "2024-03-01",
    publishedPrecision: "day",
    fullText: "An article.",
  });
  await db.insert(s.facts).values(
    Object.entries(FACTS).map(([id, f]) => ({
      id,
      kind: "statement" as const,
      ...f,
      dateStart: "2024-03-01",
      dateEnd: "2024-03-01",
      datePrecision: "day" as const,
      sourceId: "src",
    })),
  );
});

/** The condition on facts.search for a search (as db/queries/_fact-search-postgres.ts builds it). */
function matches(t: TsSearch): SQL {
  const last = t.lastPrefix
    ? sql`(to_tsquery('chancery_stemmed', ${t.last}) || to_tsquery('chancery_words', ${t.lastPrefix}))`
    : sql`to_tsquery('chancery_stemmed', ${t.last})`;
  return sql`${s.facts}.search @@ ${t.head ? sql`(to_tsquery('chancery_stemmed', ${t.head}) && ${last})` : last}`;
}

/** The facts a search finds, sorted; every fact when nothing searchable is left. */
async function ids(q: string): Promise<string[]> {
  const search = parseSearch(q);
  const rows = await db
    .select({ id: s.facts.id })
    .from(s.facts)
    .where(search ? matches(tsSearch(search)) : undefined);
  return rows.map((r) => r.id).sort();
}

describe("search on PostgreSQL, as on SQLite", () => {
  it("finds by stem, every word stemmed, case folded", async () => {
    expect(await ids("ventilator")).toEqual(["units", "vent"]);
    expect(await ids("Ventilator")).toEqual(["units", "vent"]);
    expect(await ids("almaty")).toEqual(["markup", "vent"]);
    expect(await ids("ventilator units")).toEqual(["units"]);
    expect(await ids("ventilators unit")).toEqual(["units"]);
  });

  it("completes the last word from three characters, and only the last", async () => {
    expect(await ids("cooperat")).toEqual(["coop"]);
    expect(await ids("mobile medical ven")).toEqual(["vent"]);
    expect(await ids("mobile medical ventilators")).toEqual(["vent"]);
    expect(await ids("mobile medical ve")).toEqual([]);
    expect(await ids("ven mobile")).toEqual([]);
  });

  it("folds the last word as the index does and completes a hyphenated word's last token", async () => {
    expect(await ids("Covid-19 pandemic")).toEqual(["covid"]);
    expect(await ids("COVID-19 PANDEM")).toEqual(["covid"]);
    expect(await ids("Covid-19 pandém")).toEqual(["covid"]);
    expect(await ids("Kassym-Jom")).toEqual(["kassym"]);
  });

  it("reads words as SQLite does: markup, host names, decimals and numbers are words too", async () => {
    for (const q of ["g20", "sherpas", "gov", "mfa.gov.kz", "49", "49.7", "2023", "pwned", "window", "script"])
      expect(await ids(q), q).toEqual(["markup"]);
    expect(await ids("kz 2023")).toEqual(["markup"]);
    expect(await ids("pwn")).toEqual(["markup"]);
  });

  it("folds Cyrillic case, whole word or prefix", async () => {
    expect(await ids("ТОКАЕВ")).toEqual(["tokaev"]);
    expect(await ids("токаев")).toEqual(["tokaev"]);
    expect(await ids("ПРОВЁ")).toEqual(["tokaev"]);
    expect(await ids("Ток")).toEqual(["tokaev"]);
    expect(await ids("То")).toEqual([]);
    expect(await ids("\u0420ARTICIPANTS")).toEqual(["rart"]);
    expect(await ids("\u0440articipants")).toEqual(["rart"]);
    expect(await ids("\u0440art")).toEqual(["rart"]);
    // The Latin spelling is another word.
    expect(await ids("participants")).toEqual([]);
  });

  it("searches operator words and syntax characters as words, never failing", async () => {
    const all = Object.keys(FACTS).sort();
    for (const q of ["", '"*"', "-", "^", "*", "()", ":", "{}", "- ^ * :", "!", "& |", "<->"])
      expect(await ids(q)).toEqual(all);
    for (const q of [
      'AND OR NOT "*"',
      "NEAR(",
      "text:EU",
      "a OR",
      "-x",
      "cooperat*",
      "'; DROP TABLE facts; --",
      "it's",
      "back\\slash",
      "a|b&c",
      "x:*",
      "!trade",
      "(trade",
    ])
      await expect(ids(q)).resolves.toBeDefined();
    expect(await ids('AND OR NOT "*"')).toEqual(["ops"]);
    expect(await ids("and or not")).toEqual(["ops"]);
    expect(await ids("^EU")).toEqual(await ids("eu"));
    expect(await ids("^EU")).toEqual(["ops"]);
    expect(await ids("!trade")).toEqual(["covid", "ops"]);
    expect(await ids("cooperat*")).toEqual(["coop"]);
  });
});

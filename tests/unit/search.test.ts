import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, runStatement, withWriteTransaction, type Database } from "@/db/client";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { listFacts } from "@/db/queries/facts/list-facts";
import { proposeFacts } from "@/db/queries/briefings/propose-facts";
import { ENGINE } from "@/db/engine";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { splitMarked } from "@/lib/search/highlight";
import { factFiltersSchema } from "@/lib/validation/fact-filters";
import { createSeededDb, read, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

// Result sets are pinned, never their order: ranking may differ in detail across engines.
const admin = SYSTEM_ACTOR;
const staff: Actor = { ...SYSTEM_ACTOR, userId: "someone", role: "staff" };

let t: TestDb;
beforeAll(async () => {
  t = await createSeededDb();
});
afterAll(() => t.close());

/** Every fact the admin list finds for the words, over all its pages. */
async function adminIds(q: string, db: Database = t.db): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const list = await listFacts({ actor: admin, filters: factFiltersSchema.parse({ q, page: String(page) }), db });
    ids.push(...list.rows.map((r) => r.id));
    if (page >= list.pageCount) return ids.sort();
  }
}

const allTopics = async () => (await read(t.db).select({ id: s.topics.id }).from(s.topics)).map((r) => r.id);
const propose = async (q: string | undefined, countryId = "KZ") =>
  proposeFacts({ actor: staff, query: { countryId, topicIds: await allTopics(), q }, limit: 1000, db: t.db });
const proposalIds = async (q: string | undefined, countryId = "KZ") =>
  (await propose(q, countryId)).facts.map((f) => f.id).sort();

/** Live facts whose text or quote satisfies `test`: the expected set, worked out without the index. */
async function factsWhere(test: (textAndQuote: string) => boolean, ids?: string[]): Promise<string[]> {
  return (await read(t.db).select().from(s.facts))
    .filter((f) => f.deletedAt === null && (!ids || ids.includes(f.id)) && test(`${f.text} ${f.quote}`))
    .map((f) => f.id)
    .sort();
}

const markedWords = (highlighted: string | null | undefined) =>
  splitMarked(highlighted ?? "")
    .filter((p) => p.marked)
    .map((p) => p.text);

describe("search by stem", () => {
  it("finds the ventilators facts by “ventilator”, in the admin list and the proposals", async () => {
    const expected = await factsWhere((x) => /\bventilators?\b/i.test(x));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(await adminIds("ventilator")).toEqual(expected);
    expect(await proposalIds("ventilator")).toEqual(
      await factsWhere((x) => /\bventilators?\b/i.test(x), await proposalIds(undefined)),
    );
    expect(await proposalIds("Ventilator")).toEqual(await proposalIds("ventilator"));
  });

  it("stems every word, not only the last", async () => {
    expect(await adminIds("ventilator units")).toEqual(await adminIds("ventilators unit"));
    expect((await adminIds("ventilator units")).length).toBeGreaterThan(0);
  });
});

describe("prefix of the last word", () => {
  it("completes “cooperat” to cooperation and its kin", async () => {
    const expected = await factsWhere((x) => /\bcooperat/i.test(x));
    expect(expected.length).toBeGreaterThan(3);
    expect(await adminIds("cooperat")).toEqual(expected);
    expect(await proposalIds("cooperat")).toEqual(
      await factsWhere((x) => /\bcooperat/i.test(x), await proposalIds(undefined)),
    );
  });

  it("applies to the last word only, from three characters", async () => {
    expect(await adminIds("mobile medical ven")).toEqual(await adminIds("mobile medical ventilators"));
    expect((await adminIds("mobile medical ventilators")).length).toBeGreaterThan(0);
    // Two characters: a whole word only ("ve" is none), so nothing matches.
    expect(await adminIds("mobile medical ve")).toEqual([]);
    // An earlier word is never completed.
    expect(await adminIds("ven mobile")).toEqual([]);
  });

  it("folds the last word as the index does, ASCII or not, and completes the last token of a hyphenated word", async () => {
    const expected = await adminIds("Covid-19 pandemic");
    expect(expected.length).toBeGreaterThan(0);
    expect(await adminIds("COVID-19 PANDEM")).toEqual(expected);
    expect(await adminIds("Covid-19 pandém")).toEqual(expected); // not ASCII: folded by SQLite's tokenizer
    // "Kassym-Jom" is the phrase "kassym jom…": its last token completes, in place.
    expect(await adminIds("Kassym-Jom")).toEqual(await factsWhere((x) => /\bKassym\W+Jom/i.test(x)));
    expect((await adminIds("Kassym-Jom")).length).toBeGreaterThan(0);
  });
});

describe("Cyrillic", () => {
  it("folds case: the quote's Cyrillic “Р” in “Рarticipants” is found upper or lower case, as a word or a prefix", async () => {
    const expected = await factsWhere((x) => x.includes("\u0420articipants"));
    expect(expected).toHaveLength(1);
    expect(await adminIds("\u0420ARTICIPANTS")).toEqual(expected);
    expect(await adminIds("\u0440articipants")).toEqual(expected);
    expect(await adminIds("\u0440art")).toEqual(expected);
    // The Latin word is another word: it does not find the Cyrillic spelling's quote through the quote.
    expect(await adminIds("participants")).toEqual(await factsWhere((x) => /\bparticipants\b/i.test(x)));
  });

  it("folds case in a Cyrillic word, whole or prefix", async () => {
    const db = await createSeededDb();
    try {
      await sqlWrite(
        db.db,
        sql`UPDATE facts SET text = ${"Президент Токаев провёл переговоры."} WHERE id = 'fact-000-02'`,
      );
      expect(await adminIds("ТОКАЕВ", db.db)).toEqual(["fact-000-02"]);
      expect(await adminIds("токаев", db.db)).toEqual(["fact-000-02"]);
      // unicode61 keeps "ё" (its diacritics are Latin ones): the prefix is folded as the index folds it.
      expect(await adminIds("ПРОВЁ", db.db)).toEqual(["fact-000-02"]);
      expect(await adminIds("Ток", db.db)).toEqual(["fact-000-02"]);
      expect(await adminIds("То", db.db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe("a search of operators and punctuation only", () => {
  it("is no search: every fact, never an error", async () => {
    const all = await adminIds("");
    for (const q of ['"*"', "-", "^", "*", "()", ":", '"', "{}", "- ^ * :"]) {
      expect(await adminIds(q)).toEqual(all);
      expect(await proposalIds(q)).toEqual(await proposalIds(undefined));
    }
  });

  it("searches operator words as words", async () => {
    for (const q of [
      'AND OR NOT "*"',
      "NEAR(",
      "text:EU",
      "a OR",
      "-x",
      "^EU",
      "cooperat*",
      "'; DROP TABLE facts; --",
    ]) {
      await expect(adminIds(q)).resolves.toBeDefined();
      await expect(proposalIds(q)).resolves.toBeDefined();
    }
    expect(await adminIds('AND OR NOT "*"')).toEqual(await adminIds("and or not"));
    expect(await adminIds("^EU")).toEqual(await adminIds("eu"));
  });
});

describe("highlighting", () => {
  it("marks the matched words of the proposals' text", async () => {
    const p = await propose("ventilator");
    expect(p.facts.length).toBeGreaterThan(0);
    for (const f of p.facts) expect(markedWords(f.matched?.text).map((w) => w.toLowerCase())).toContain("ventilators");
    expect((await propose(undefined)).facts.every((f) => f.matched === null)).toBe(true);
    const coop = (await propose("cooperat")).facts.flatMap((f) => [
      ...markedWords(f.matched?.text),
      ...markedWords(f.matched?.quote),
    ]);
    expect(coop.length).toBeGreaterThan(0);
    expect(coop.every((w) => /^cooperat/i.test(w))).toBe(true);
  });

  it("shows a passage of the quote when only the quote matched, and the text unchanged by the marks", async () => {
    const [row] = (
      await listFacts({
        actor: admin,
        filters: factFiltersSchema.parse({ q: "\u0420articipants" }),
        db: t.db,
      })
    ).rows;
    expect(markedWords(row.matched?.quote)).toEqual(["\u0420articipants"]);
    expect(markedWords(row.matched?.text)).toEqual([]);
    expect(
      splitMarked(row.matched!.text)
        .map((p) => p.text)
        .join(""),
    ).toBe(row.text);
  });

  it("sorts the admin list by relevance when words are searched, by date otherwise", async () => {
    expect(factFiltersSchema.parse({ q: "ventilator" }).sort).toBe("relevance");
    expect(factFiltersSchema.parse({}).sort).toBe("date");
    expect(factFiltersSchema.parse({ q: '"*" - ^' }).sort).toBe("date");
    expect(factFiltersSchema.parse({ q: "ventilator", sort: "date" }).sort).toBe("date");
  });
});

// SQLite only: it upgrades a SQLite file indexed by FTS5 before migration 0006. PostgreSQL's
// search column has had stems from its first migration (drizzle-pg/0001_facts_search.sql).
describe.runIf(ENGINE === "sqlite")("the migration to the stemmed index", () => {
  it("upgrades a database indexed before it, keeping and finding its facts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-fts-upgrade-"));
    try {
      // The shipped migrations up to 0004 (the unstemmed index), then a fact written under them.
      const before = path.join(dir, "drizzle");
      fs.cpSync(migrationsFolder(), before, { recursive: true });
      const journalFile = path.join(before, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8"));
      journal.entries = journal.entries.filter((e: { tag: string }) => e.tag <= "0004");
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      // A database as an older release left it: its own connection, under drizzle's migrator.
      const file = path.join(dir, "old.db");
      const old = new BetterSqlite3(file);
      migrate(drizzle(old), { migrationsFolder: before });
      old.close();
      const db = openDatabase(file);
      const now = "2026-01-01T00:00:00.000Z";
      await withWriteTransaction(db, async (tx) => {
        await runStatement(
          tx,
          sql`INSERT INTO parties (id, name, kind, aliases, version, created_at, updated_at) VALUES ('KZ', 'Kazakhstan', 'country', '[]', 1, ${now}, ${now})`,
        );
        await runStatement(
          tx,
          sql`INSERT INTO sources (id, published_start, published_end, published_precision, added_at, full_text, created_at, updated_at)
          VALUES ('src-x', '2020-01-01', '2020-01-01', 'day', ${now}, 'They sent mobile ventilators.', ${now}, ${now})`,
        );
        await runStatement(
          tx,
          sql`INSERT INTO facts (id, kind, text, date_start, date_end, date_precision, source_id, quote, created_at, updated_at)
          VALUES ('fact-x', 'statement', 'They sent ventilators.', '2020-01-01', '2020-01-01', 'day', 'src-x', 'mobile ventilators', ${now}, ${now})`,
        );
        await runStatement(tx, sql`INSERT INTO fact_parties (fact_id, party_id) VALUES ('fact-x', 'KZ')`);
      });
      const find = async (q: string) =>
        (await sqlRows<{ rowid: number }>(db, sql`SELECT rowid FROM facts_fts WHERE facts_fts MATCH ${q}`)).map(
          (r) => r.rowid,
        );
      expect(await find("ventilator")).toEqual([]);
      await migrateDatabase(db);
      expect(await adminIds("ventilator", db)).toEqual(["fact-x"]);
      expect(await adminIds("mobi", db)).toEqual(["fact-x"]);
      expect(await sqlRows(db, sql`SELECT count(*) AS n FROM facts`)).toEqual([{ n: 1 }]);
      closeDatabase(db);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the word list in step with edits and deletions", async () => {
    const db = await createSeededDb();
    try {
      await sqlWrite(db.db, sql`UPDATE facts SET text = 'Zanzibarian quokka statement.' WHERE id = 'fact-000-02'`);
      expect(await adminIds("quok", db.db)).toEqual(["fact-000-02"]);
      await sqlWrite(db.db, sql`UPDATE facts SET text = 'Nothing of that sort.' WHERE id = 'fact-000-02'`);
      expect(await adminIds("quok", db.db)).toEqual([]);
      const vocab = await sqlRows(
        db.db,
        sql`SELECT term FROM facts_words_vocab WHERE term >= 'quok' AND term < 'quol'`,
      );
      expect(vocab).toEqual([]);
    } finally {
      db.close();
    }
  });
});

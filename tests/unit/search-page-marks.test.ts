import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACTS_FTS_TOKENIZER, indexTokens, readerOf, selectRows } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { factSearch } from "@/db/queries/_fact-search";
import { ftsPartyQuery, ftsQuery, parseSearch } from "@/lib/search/fts";
import { hasMatch, MARK_CLOSE, MARK_OPEN } from "@/lib/search/highlight";
import { createSeededDb, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

// SQLite marks a page's matched words in a scratch index of the page alone
// (markPassages in db/client.ts): the marks must be those facts_fts itself gives.

let t: TestDb;
beforeAll(async () => {
  t = await createSeededDb();
  // Words the seed lacks: diacritics, Cyrillic, hyphens, stems, a long quote for the passage.
  const texts = [
    [
      "Ministers cooperated on EU-Central Asia cooperation and a cooperative’s “Sécurité” plan.",
      "Сотрудничество и ёлка",
    ],
    ["Сотрудничество в области энергетики; cooperation cooperation COOPERATION.", "the ministers' cooperating"],
    [
      "Short.",
      `${"word ".repeat(40)}cooperation in the middle of a long quote ${"more ".repeat(40)}and a Sécurité at the end`,
    ],
  ];
  const rows = await sqlRows<{ id: string }>(t.db, sql`SELECT id FROM facts ORDER BY seq LIMIT ${texts.length}`);
  for (const [i, [text, quote]] of texts.entries())
    await sqlWrite(t.db, sql`UPDATE facts SET text = ${text}, quote = ${quote} WHERE id = ${rows[i].id}`);
});
afterAll(() => t?.close());

/**
 * The marks facts_fts gives the facts `seqs` for the words of `q`, its last word completed from
 * the whole vocabulary (the word itself included): what the scratch index replaces.
 */
async function indexMarks(q: string, partyId: string | undefined, seqs: number[]) {
  const search = parseSearch(q)!;
  const tokens = indexTokens(search.words.at(-1)!);
  const prefix = tokens.at(-1)!;
  const completions =
    [...prefix].length >= 3
      ? (
          await selectRows<{ term: string }>(
            readerOf(t.db),
            sql`SELECT term FROM facts_words_vocab WHERE term >= ${prefix} AND term <= ${prefix + "\u{10FFFF}"}`,
          )
        ).map((r) => r.term)
      : [];
  const completion = completions.length ? { tokens, completions } : undefined;
  const query = partyId ? ftsPartyQuery(partyId, search, completion) : ftsQuery(search, completion);
  const rows = await selectRows<{ seq: number; text: string; quote: string }>(
    readerOf(t.db),
    sql`SELECT rowid AS seq, highlight(facts_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS text,
      snippet(facts_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 16) AS quote
    FROM facts_fts WHERE facts_fts MATCH ${query} AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(seqs)}))`,
  );
  return new Map(rows.map((r) => [r.seq, { text: r.text, quote: hasMatch(r.quote) ? r.quote : null }]));
}

describe.runIf(ENGINE === "sqlite")("the marks of a page of matches", () => {
  it("are made by the tokenizer of facts_fts", async () => {
    const [table] = await sqlRows<{ sql: string }>(t.db, sql`SELECT sql FROM sqlite_master WHERE name = 'facts_fts'`);
    expect(table.sql).toContain(`tokenize = '${FACTS_FTS_TOKENIZER}'`);
  });

  it("are the marks facts_fts gives, for whole words, several words, prefixes, stems and other scripts", async () => {
    const queries = [
      "cooperation",
      "cooperat",
      "cooperate",
      "Securite",
      "sécurité plan",
      "EU-Central",
      "EU-Cent",
      "сотрудничество",
      "ёлка",
      "ministers cooperation",
      "energy",
      "agreement",
      "Kazakhstan",
      "ventilator",
      "trade transport",
      "the",
    ];
    let compared = 0;
    // The admin list searches every fact; proposals, a country's (a column of the index of its own).
    for (const partyId of [undefined, "KZ"])
      for (const q of queries) {
        const tx = readerOf(t.db);
        const search = await factSearch({ tx, q, partyId });
        const seqs = (await selectRows<{ rowid: number }>(tx, search!.seqs())).map((r) => r.rowid).slice(0, 25);
        const marks = await search!.pageMatches(tx, seqs);
        expect(marks, `${q} about ${partyId}`).toEqual(await indexMarks(q, partyId, seqs));
        compared += marks.size;
      }
    expect(compared).toBeGreaterThan(200);
  });
});

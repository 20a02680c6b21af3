import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACTS_FTS_TOKENIZER, FACTS_WORDS_TOKENIZER, indexTokens, readerOf, selectRows } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { factSearch } from "@/db/queries/_fact-search";
import { ftsPartyQuery, INDEXED_PARTY_TOKEN, parseSearch, partyToken, partyTokenCandidates } from "@/lib/search/fts";
import { createSeededDb, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

// facts_fts holds, beside a fact's text and quote, a column of party tokens ("p" and the party
// id in hex). A country's search leaves out the column filter on its words when no term can
// be a party token (db/queries/_fact-search-sqlite.ts): a word that is one, as typed or once
// stemmed, must still match only text and quotes.

const PARTY = "KZ";
const TOKEN = partyToken(PARTY).toLowerCase();

let t: TestDb;
beforeAll(async () => {
  t = await createSeededDb();
});
afterAll(() => t?.close());

/** The seqs of the facts about PARTY that the search for `q` finds. */
async function found(q: string): Promise<number[]> {
  const search = await factSearch({ tx: readerOf(t.db), q, partyId: PARTY });
  const seqs = await selectRows<{ seq: number }>(readerOf(t.db), sql`SELECT seq FROM (${search!.hits("seq", "rank")})`);
  return seqs.map((r) => Number(r.seq)).sort((a, b) => a - b);
}

/**
 * The same with the column filter always on, as before it could be left out: the last word
 * completed from every indexed word it begins (the word itself among them).
 */
async function foundFiltered(q: string): Promise<number[]> {
  const search = parseSearch(q)!;
  const tokens = indexTokens(search.words.at(-1)!);
  const prefix = tokens.at(-1)!;
  const completions = (
    await sqlRows<{ term: string }>(
      t.db,
      sql`SELECT term FROM facts_words_vocab WHERE term >= ${prefix} AND term <= ${prefix + "\u{10FFFF}"}`,
    )
  ).map((r) => r.term);
  const query = ftsPartyQuery(PARTY, search, [...prefix].length >= 3 ? { tokens, completions } : undefined);
  const rows = await sqlRows<{ seq: number }>(
    t.db,
    sql`SELECT rowid AS seq FROM facts_fts WHERE facts_fts MATCH ${query}`,
  );
  return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
}

/** Each word's token as facts_fts folds and stems it (one token per word: letters and digits only). */
function stems(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 2000)
    out.push(...indexTokens(words.slice(i, i + 2000).join(" "), FACTS_FTS_TOKENIZER));
  expect(out).toHaveLength(words.length);
  return out;
}

describe.runIf(ENGINE === "sqlite")("party tokens in a search", () => {
  it("are only ever stems of the words partyTokenCandidates names", async () => {
    const [words] = await sqlRows<{ sql: string }>(t.db, sql`SELECT sql FROM sqlite_master WHERE name = 'facts_words'`);
    expect(words.sql).toContain(`tokenize = '${FACTS_WORDS_TOKENIZER}'`);
    // "p", one or two letters (hex digits and the letters Porter's rules add or remove), and
    // every ending the stemmer rewrites.
    const letters = [..."0123456789abcdefgilnorstuy"];
    const heads = letters.flatMap((a) => [`p${a}`, ...letters.map((b) => `p${a}${b}`)]);
    const endings = ["", "s", "es", "ies", "sses", "ed", "eed", "ing", "y", "e", "ee", "ly", "al", "ful", "ness"];
    const more = ["ational", "ization", "ation", "able", "ible", "ment", "ent", "ion", "ate", "ize", "iti", "ous"];
    const all = heads.flatMap((h) => [...endings, ...more].map((e) => h + e));
    const candidates = new Set(partyTokenCandidates(all));
    const stemmed = stems(all);
    const partyShaped = all.filter((_, i) => INDEXED_PARTY_TOKEN.test(stemmed[i]));
    expect(partyShaped.filter((w) => !candidates.has(w))).toEqual([]);
    // The words reach party tokens, by stemming too, and common words are no candidates.
    expect(partyShaped).toEqual(expect.arrayContaining(["pa1", "pa1s", "pdeed"]));
    expect(partyShaped.filter((w) => !INDEXED_PARTY_TOKEN.test(w)).length).toBeGreaterThan(100);
    expect(partyTokenCandidates(["cooperation", "president", "policy", "public", "EU-Central"])).toEqual([]);
    expect(partyTokenCandidates(["peace", "Pa1", "x-p4", "ёлка"])).toEqual(["peace", "Pa1", "x-p4", "ёлка"]);
  });

  it("match only text and quotes, with or without the column filter", async () => {
    for (const q of [TOKEN, `${TOKEN}s`, `${TOKEN.toUpperCase()}`, `cooperation ${TOKEN}`, TOKEN.slice(0, 4)])
      expect(await found(q), q).toEqual([]);
    const [fact] = await sqlRows<{ id: string; seq: number }>(
      t.db,
      sql`SELECT f.id, f.seq FROM facts f JOIN fact_parties fp ON fp.fact_id = f.id AND fp.party_id = ${PARTY} ORDER BY f.seq LIMIT 1`,
    );
    await sqlWrite(t.db, sql`UPDATE facts SET text = ${`Code ${TOKEN} was agreed.`} WHERE id = ${fact.id}`);
    for (const q of [TOKEN, `${TOKEN}s`, TOKEN.slice(0, 4)]) expect(await found(q), q).toEqual([Number(fact.seq)]);
    for (const q of ["cooperation", "energy cooperation", "coop", "president", "talks", "Central Asia", "ёлка"])
      expect(await found(q), q).toEqual(await foundFiltered(q));
  });
});

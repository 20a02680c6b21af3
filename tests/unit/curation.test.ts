/**
 * The shipped fact base, checked in a real seeded SQLite file: provenance (every quote is
 * verbatim and short), the truth of the curation (answers written from the five articles),
 * clean normalised text, and complete, well-formed facts.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialect } from "@/db/dialect";
import * as s from "@/db/schema";
import { seedData } from "@/db/seed/data";
import { DATE_PRECISIONS, dateSpanProblem } from "@/lib/dates/date-span";
import { createSeededDb, read, sqlRows, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createSeededDb();
});
afterAll(() => t?.close());

type Row = Record<string, unknown>;
const all = (query: SQL) => sqlRows<Row>(t.db, query);
const one = async (query: SQL) => (await sqlRows<Row>(t.db, query))[0];

/** Sentence ends: a full stop, ! or ? (perhaps followed by a closing quote) before a space or the end. */
const sentenceEnds = (q: string) => (q.match(/[.!?][»”"’]?(?=\s|$)/g) ?? []).length;
/** A word with Latin letters and Cyrillic or Greek ones together ("Рarticipants" with a Cyrillic Р). */
const MIXED_WORD = /(?=\p{L}*\p{Script=Latin})(?=\p{L}*[\p{Script=Cyrillic}\p{Script=Greek}])\p{L}+/u;
const BOILERPLATE = [
  /Photo:/i,
  /gov\.kz/i,
  /Currently reading/i,
  /appeared first on/i,
  /NE Global Media/i,
  /\bThe post\b/,
];

const fact = async (id: string) => {
  const [row] = await read(t.db).select().from(s.facts).where(eq(s.facts.id, id));
  if (!row) throw new Error(`fact ${id} not seeded`);
  return row;
};
const figures = async (metricKey: string) =>
  (await read(t.db).select().from(s.facts).where(eq(s.facts.metricKey, metricKey))).sort((a, b) =>
    a.dateStart.localeCompare(b.dateStart),
  );
const meeting = async (id: string) => {
  const [row] = await read(t.db).select().from(s.meetings).where(eq(s.meetings.id, id));
  if (!row) throw new Error(`meeting ${id} not seeded`);
  return row;
};
const reports = (meetingId: string) =>
  all(sql`SELECT source_id, reports FROM meeting_sources WHERE meeting_id = ${meetingId} ORDER BY source_id`);
const titleAt = async (meetingId: string, personId: string) =>
  (
    await read(t.db)
      .select({ title: s.participations.title, leads: s.participations.leadsDelegation })
      .from(s.participations)
      .where(and(eq(s.participations.meetingId, meetingId), eq(s.participations.personId, personId)))
  )[0];

describe("provenance: every quote is verbatim and short", () => {
  const quoted = async () => [
    ...(await all(sql`SELECT 'fact ' || id AS what, source_id, quote FROM facts`)),
    ...(await all(sql`SELECT 'participation ' || id AS what, source_id, quote FROM participations`)),
    ...(await all(
      sql`SELECT 'meeting ' || meeting_id || ' <- ' || source_id AS what, source_id, quote FROM meeting_sources`,
    )),
    ...(await all(sql`SELECT 'role ' || id AS what, source_id, quote FROM person_roles WHERE quote IS NOT NULL`)),
  ];

  it("stores each article's full text exactly as the file in db/seed/sources", async () => {
    const rows = await all(sql`SELECT id, file_name, full_text FROM sources ORDER BY id`);
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      const file = fs.readFileSync(path.resolve("db/seed/sources", String(r.file_name)), "utf8");
      expect(r.full_text, String(r.id)).toBe(file);
    }
  });

  it("finds every fact, participation, meeting-report and role quote inside its source's stored text", async () => {
    const texts = new Map((await all(sql`SELECT id, full_text FROM sources`)).map((r) => [r.id, String(r.full_text)]));
    const rows = await quoted();
    expect(rows.length).toBeGreaterThan(60 + 28);
    const missing = rows.filter((r) => !texts.get(r.source_id)?.includes(String(r.quote))).map((r) => r.what);
    expect(missing).toEqual([]);
  });

  it("keeps every quote to a clause or a few sentences (≤ 3 sentence ends, ≤ 450 characters, one paragraph)", async () => {
    const tooLong = (await quoted()).filter((r) => {
      const q = String(r.quote);
      return q.length > 450 || sentenceEnds(q) > 3 || q.includes("\n") || q.trim().length < 10;
    });
    expect(tooLong.map((r) => r.what)).toEqual([]);
  });

  it("never quotes web-page boilerplate", async () => {
    const bad = (await quoted()).filter((r) => BOILERPLATE.some((re) => re.test(String(r.quote))));
    expect(bad.map((r) => r.what)).toEqual([]);
  });
});

describe("the truth of the curation, pinned", () => {
  it("dates the 16th ministerial 17 Nov 2020, to the day, with the year inferred; online; held", async () => {
    const m = await meeting("mtg-eu-ca-ministerial-16");
    expect(m).toMatchObject({
      ordinal: 16,
      series: "eu-ca-ministerial",
      dateStart: "2020-11-17",
      dateEnd: "2020-11-17",
      datePrecision: "day",
      dateInferred: true,
      mode: "online",
      status: "held",
    });
    expect(m.dateNote).toMatch(/2020/);
  });

  it("has the 17th ministerial in Dushanbe in autumn 2021 (season, inferred), announced twice and never reported held", async () => {
    const m = await meeting("mtg-eu-ca-ministerial-17");
    expect(m).toMatchObject({
      place: "Dushanbe",
      hostPartyId: "TJ",
      dateStart: "2021-09-01",
      dateEnd: "2021-11-30",
      datePrecision: "season",
      dateInferred: true,
      status: "announced",
    });
    expect(await reports(m.id)).toEqual([
      { source_id: "src-000", reports: "announced" },
      { source_id: "src-003", reports: "announced" },
    ]);
  });

  it("does not invent a day for the 18th ministerial: November 2022 at month precision, ending on the article's date", async () => {
    const m = await meeting("mtg-eu-ca-ministerial-18");
    expect(m).toMatchObject({
      place: "Samarkand",
      hostPartyId: "UZ",
      datePrecision: "month",
      dateInferred: true,
      dateEnd: "2022-11-18",
      status: "held",
    });
    expect(m.dateStart?.slice(0, 7)).toBe("2022-11");
  });

  it("gives Mukhtar Tileuberdi his title at the time: minister at the 16th, deputy prime minister – minister at the 18th", async () => {
    expect((await titleAt("mtg-eu-ca-ministerial-16", "per-tileuberdi"))?.title).toBe(
      "Minister of Foreign Affairs of Kazakhstan",
    );
    expect(await titleAt("mtg-eu-ca-ministerial-18", "per-tileuberdi")).toEqual({
      title: "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan",
      leads: true,
    });
    const roles = await all(
      sql`SELECT title, valid_from FROM person_roles WHERE person_id = 'per-tileuberdi' ORDER BY valid_from`,
    );
    expect(roles.map((r) => r.title)).toEqual([
      "Minister of Foreign Affairs of Kazakhstan",
      "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan",
    ]);
  });

  // Issue 13: the old pins tracked "two titles" for Borrell and for Mora; each held one post
  // throughout and the shorter wordings were the articles abbreviating it. Corrected.
  it("spells Josep Borrell as he does, keeps 'Joseph Borell' as an alias, and gives him one post, shortened only in the 2020 quote", async () => {
    const [p] = await read(t.db).select().from(s.people).where(eq(s.people.id, "per-borrell"));
    expect(p?.name).toBe("Josep Borrell");
    expect(p?.aliases).toContain("Joseph Borell");
    const post =
      "Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy";
    expect((await titleAt("mtg-eu-ca-ministerial-16", "per-borrell"))?.title).toBe(post);
    expect((await titleAt("mtg-eu-ca-ministerial-18", "per-borrell"))?.title).toBe(post);
    expect((await one(sql`SELECT quote FROM participations WHERE id = 'prt-m16-borrell'`))?.quote).toBe(
      "the EU High Representative for Foreign Affairs and Security Policy Joseph Borell",
    );
    expect(
      await all(sql`SELECT title, valid_from, valid_to FROM person_roles WHERE person_id = 'per-borrell'`),
    ).toEqual([{ title: post, valid_from: "2020-11-17", valid_to: "2022-11-18" }]);
    expect(
      (await one(sql`SELECT count(*) AS n FROM facts WHERE text LIKE '%Borell%' OR text LIKE '%Joseph%'`))?.n,
    ).toBe(0);
  });

  it("gives Enrique Mora one EEAS post from July 2021 to 2023, its shorter 2021 wording kept in the quote", async () => {
    const post = "Deputy Secretary General for Political Affairs of the European External Action Service (EEAS)";
    expect(await titleAt("mtg-eu-ca-hlpsd-2021", "per-mora")).toEqual({ title: post, leads: true });
    expect((await titleAt("mtg-eu-ca-hlpsd-10", "per-mora"))?.title).toBe(post);
    expect((await one(sql`SELECT quote FROM participations WHERE id = 'prt-h21-mora'`))?.quote).toMatch(
      /led by Deputy Secretary General of the European External Action Service \(EEAS\) Enrique Mora/,
    );
    expect(
      await all(
        sql`SELECT title, valid_from, valid_from_precision, valid_to, valid_to_precision FROM person_roles WHERE person_id = 'per-mora'`,
      ),
    ).toEqual([
      {
        title: post,
        valid_from: "2021-07-01",
        valid_from_precision: "day",
        valid_to: "2023-12-31",
        valid_to_precision: "year",
      },
    ]);
  });

  it("records the 10th HLPSD's delegation heads, the unnamed ones without a person", async () => {
    const rows = await all(
      sql`SELECT party_id, person_id, title, leads_delegation FROM participations WHERE meeting_id = 'mtg-eu-ca-hlpsd-10' ORDER BY party_id`,
    );
    expect(rows.map((r) => r.party_id)).toEqual(["EU", "KG", "KZ", "TJ", "TM", "UZ"]);
    expect(rows.every((r) => dialect.readBoolean(r.leads_delegation))).toBe(true);
    expect(rows.filter((r) => r.person_id === null).map((r) => r.party_id)).toEqual(["KG", "TJ", "TM", "UZ"]);
    expect(rows.find((r) => r.party_id === "TM")?.title).toBe("Ambassador of Turkmenistan in Astana");
    expect(await meeting("mtg-eu-ca-hlpsd-10")).toMatchObject({
      ordinal: 10,
      place: "Astana",
      datePrecision: "year",
      dateInferred: true,
    });
  });

  it("counts the unnamed participants of the online 16th ministerial", async () => {
    const rows = await all(
      sql`SELECT party_id, person_id FROM participations WHERE meeting_id = 'mtg-eu-ca-ministerial-16' ORDER BY party_id`,
    );
    expect(rows.map((r) => r.party_id)).toEqual(["EU", "KG", "KZ", "TJ", "TM", "UZ"]);
    expect(rows.filter((r) => r.person_id === null).map((r) => r.party_id)).toEqual(["KG", "TJ", "TM", "UZ"]);
  });

  it("keeps the Almaty economic forum as one meeting with two sources: announced for May 2023, then reported held", async () => {
    const forums = await all(sql`SELECT id FROM meetings WHERE format = 'forum' AND place = 'Almaty'`);
    expect(forums).toHaveLength(1);
    const m = await meeting("mtg-eu-ca-economic-forum-2");
    expect(m).toMatchObject({
      ordinal: 2,
      status: "held",
      dateStart: "2023-05-01",
      dateEnd: "2023-05-31",
      datePrecision: "month",
    });
    expect(await reports(m.id)).toEqual([
      { source_id: "src-001", reports: "announced" },
      { source_id: "src-002", reports: "held" },
    ]);
  });

  it("leaves announced events announced: the Bishkek forum (2021), the autumn-2023 ministerial (no ordinal), the 2026 climate summit", async () => {
    expect(await meeting("mtg-eu-ca-economic-forum-1")).toMatchObject({
      status: "announced",
      place: "Bishkek",
      dateStart: "2021-01-01",
      datePrecision: "year",
      dateInferred: false,
    });
    expect(await meeting("mtg-eu-ca-ministerial-2023-autumn")).toMatchObject({
      status: "announced",
      ordinal: null,
      datePrecision: "season",
      dateStart: "2023-09-01",
      dateInferred: true,
    });
    expect(await meeting("mtg-regional-climate-summit-2026")).toMatchObject({
      status: "announced",
      place: "Astana",
      dateStart: "2026-01-01",
      datePrecision: "year",
      dateInferred: false,
    });
    const forthcoming = (await all(sql`SELECT id FROM meetings WHERE status = 'announced'`)).map((r) => r.id);
    expect(forthcoming).not.toContain("mtg-eu-ca-hlpsd-10");
  });

  it("treats the 2024 summit announced in 2023 and the first summit in Samarkand on 4 April (2025) as one event", async () => {
    const m = await meeting("mtg-eu-ca-summit-1");
    expect(m).toMatchObject({
      place: "Samarkand",
      hostPartyId: "UZ",
      dateStart: "2025-04-04",
      datePrecision: "day",
      dateInferred: true,
      status: "announced",
    });
    expect(await reports(m.id)).toEqual([
      { source_id: "src-002", reports: "announced" },
      { source_id: "src-004", reports: "announced" },
    ]);
    expect(await all(sql`SELECT id FROM meetings WHERE series = 'eu-ca-summit'`)).toHaveLength(1);
  });

  it("dates the 20th ministerial 27 March 2025 (year inferred) and records its joint communique", async () => {
    expect(await meeting("mtg-eu-ca-ministerial-20")).toMatchObject({
      ordinal: 20,
      place: "Ashgabat",
      hostPartyId: "TM",
      dateStart: "2025-03-27",
      datePrecision: "day",
      dateInferred: true,
      status: "held",
    });
    const outcome = await all(
      sql`SELECT text FROM facts WHERE meeting_id = 'mtg-eu-ca-ministerial-20' AND kind = 'outcome'`,
    );
    expect(outcome.map((r) => r.text).join(" ")).toMatch(/joint communique/);
    expect(await meeting("mtg-ca-euco-consultative-2")).toMatchObject({
      place: "Cholpon-Ata",
      dateStart: "2023-06-02",
      datePrecision: "day",
      dateInferred: false,
    });
  });

  it("stores Central Asia–EU trade as 49 billion USD in 2022 (printed), and its 61% growth without inventing a base period", async () => {
    expect(
      (await figures("trade-turnover:CA-EU")).map((f) => [
        f.value,
        f.unit,
        f.currency,
        f.periodLabel,
        f.datePrecision,
        f.dateInferred,
      ]),
    ).toEqual([[49, "billion", "USD", "2022", "year", false]]);
    const growth = await figures("trade-turnover-growth:CA-EU");
    expect(growth).toHaveLength(1);
    expect(growth[0]).toMatchObject({ value: 61, unit: "percent", dateInferred: true });
    expect(growth[0].periodLabel).toMatch(/not stated/);
  });

  it("keeps both Kazakhstan–EU trade figures, each with its period marked inferred: 40 bn (2022) and 49.7 bn (2024)", async () => {
    const rows = await figures("trade-turnover:KZ-EU");
    expect(
      rows.map((f) => [
        f.sourceId,
        f.value,
        f.unit,
        f.currency,
        f.dateStart,
        f.dateEnd,
        f.datePrecision,
        f.dateInferred,
      ]),
    ).toEqual([
      ["src-002", 40, "billion", "USD", "2022-01-01", "2022-12-31", "year", true],
      ["src-004", 49.7, "billion", "USD", "2024-01-01", "2024-12-31", "year", true],
    ]);
    for (const f of rows) expect(f.dateNote).toMatch(/No period is printed/);
  });

  it("adds up Kazakhstan's exports to and imports from the EU to the turnover the same article gives", async () => {
    const [exp] = await figures("exports:KZ-EU");
    const [imp] = await figures("imports:KZ-EU");
    expect([exp.value, imp.value]).toEqual([38.6, 11.1]);
    expect(exp.value! + imp.value!).toBeCloseTo(49.7, 5);
    expect((await figures("trade-turnover-growth:KZ-EU"))[0]).toMatchObject({ value: 16.9, unit: "percent" });
  });

  it("stores the EU's gross direct investment into Kazakhstan, 2005 to September 2024, as printed", async () => {
    const [f] = await figures("fdi-gross-inflow:EU-KZ");
    expect(f).toMatchObject({
      value: 200.7,
      unit: "billion",
      currency: "USD",
      periodLabel: "2005 to Sep 2024",
      dateStart: "2005-01-01",
      dateEnd: "2024-09-30",
      dateInferred: false,
    });
  });

  it("stores the EU's ~105 bn euros invested in Central Asia over ten years, for all five states and the EU", async () => {
    const [f] = await figures("investment:EU-CA");
    expect(f).toMatchObject({ value: 105, unit: "billion", currency: "EUR", dateInferred: true });
    const parties = (await all(sql`SELECT party_id FROM fact_parties WHERE fact_id = ${f.id} ORDER BY party_id`)).map(
      (r) => r.party_id,
    );
    expect(parties).toEqual(["EU", "KG", "KZ", "TJ", "TM", "UZ"]);
  });

  it("counts Kazakhstan's aid to Kyrgyzstan (400 ventilator sets, two million masks) and the 3,000+ European companies", async () => {
    expect((await figures("aid-ventilators:KZ-KG"))[0]).toMatchObject({ value: 400, unit: "ventilator sets" });
    expect((await figures("aid-masks:KZ-KG"))[0]).toMatchObject({ value: 2, unit: "million medical masks" });
    expect((await figures("companies:EU-in-KZ"))[0]).toMatchObject({ value: 3000 });
  });

  it("describes the sources honestly: publishers, titles and publication dates", async () => {
    const src = async (id: string) => (await read(t.db).select().from(s.sources).where(eq(s.sources.id, id)))[0];
    expect(await src("src-000")).toMatchObject({ publisher: null, title: null, publishedInferred: true });
    expect((await src("src-000")).publisherNote).toMatch(/names no publisher/);
    expect(await src("src-001")).toMatchObject({
      publisher: "Kazinform",
      publishedStart: "2022-11-18",
      publishedPrecision: "day",
      publishedInferred: false,
    });
    expect(await src("src-003")).toMatchObject({
      publisher: "Kazinform",
      publishedStart: "2021-07-01",
      publishedPrecision: "day",
      publishedInferred: false,
    });
    expect(await src("src-002")).toMatchObject({ publisher: "Kazinform", publishedInferred: true });
    expect((await src("src-002")).publishedStart.slice(0, 4)).toBe("2023");
    expect(await src("src-004")).toMatchObject({
      publisher: "NE Global Media",
      title: "Kallas reiterates close cooperation ahead of EU-Central Asia summit",
      publishedInferred: true,
    });
    expect((await src("src-004")).publishedStart.slice(0, 4)).toBe("2025");
  });

  it("normalises the Cyrillic 'Р' of 'Рarticipants' in the fact text while the quote keeps it", async () => {
    const f = await fact("fact-002-01");
    expect(f.quote.startsWith("\u0420articipants")).toBe(true);
    expect(f.text).toMatch(/^Participants/);
  });

  it("announces visa facilitation talks between the European Commission and Kazakhstan at the Kallas–Tokayev meeting of 28 March", async () => {
    const f = await fact("fact-004-06");
    expect(f).toMatchObject({
      kind: "announcement",
      meetingId: "mtg-kallas-tokayev-2025",
      dateStart: "2025-03-28",
      datePrecision: "day",
      dateInferred: true,
    });
    const topics = (await all(sql`SELECT topic_id FROM fact_topics WHERE fact_id = ${f.id}`)).map((r) => r.topic_id);
    expect(topics).toContain("visas-people");
  });
});

describe("clean fact text", () => {
  it("never mixes alphabets inside a word, in facts, names, titles or meeting names", async () => {
    const texts = [
      ...(await all(sql`SELECT id, text FROM facts`)),
      ...(await all(sql`SELECT id, name AS text FROM people`)),
      ...(await all(sql`SELECT id, title AS text FROM participations`)),
      ...(await all(sql`SELECT id, title AS text FROM person_roles`)),
      ...(await all(sql`SELECT id, name AS text FROM meetings`)),
    ];
    const mixed = texts
      .filter((r) => MIXED_WORD.test(String(r.text)))
      .map((r) => `${r.id}: ${String(r.text).match(MIXED_WORD)?.[0]}`);
    expect(mixed).toEqual([]);
    const nonLatin = (await all(sql`SELECT id, text FROM facts`)).filter((r) =>
      /[^\p{Script=Latin}\P{L}]/u.test(String(r.text)),
    );
    expect(nonLatin.map((r) => r.id)).toEqual([]);
  });

  it("carries no web-page boilerplate", async () => {
    const bad = (await all(sql`SELECT id, text FROM facts`)).filter((r) =>
      BOILERPLATE.some((re) => re.test(String(r.text))),
    );
    expect(bad.map((r) => r.id)).toEqual([]);
  });
});

describe("complete facts", () => {
  it("ships more than 60 facts from all five sources", async () => {
    expect(Number((await one(sql`SELECT count(*) AS n FROM facts`))?.n)).toBeGreaterThan(60);
    expect((await all(sql`SELECT DISTINCT source_id FROM facts ORDER BY source_id`)).map((r) => r.source_id)).toEqual([
      "src-000",
      "src-001",
      "src-002",
      "src-003",
      "src-004",
    ]);
    expect(Number((await one(sql`SELECT count(*) AS n FROM facts`))?.n)).toBe(seedData.facts.length);
  });

  // Foreign keys (on in every connection) already refuse an unknown party, topic, source or
  // meeting; what they cannot see is the trash, and whether a fact's source reports its meeting.
  it("gives every fact at least one party and one topic, none of them in the trash", async () => {
    const noParty = await all(sql`SELECT id FROM facts WHERE id NOT IN (SELECT fact_id FROM fact_parties)`);
    const noTopic = await all(sql`SELECT id FROM facts WHERE id NOT IN (SELECT fact_id FROM fact_topics)`);
    expect([noParty, noTopic]).toEqual([[], []]);
    expect(
      await all(sql`SELECT fact_id FROM fact_parties JOIN parties p ON p.id = party_id WHERE p.deleted_at IS NOT NULL`),
    ).toEqual([]);
    expect(
      await all(sql`SELECT fact_id FROM fact_topics JOIN topics t ON t.id = topic_id WHERE t.deleted_at IS NOT NULL`),
    ).toEqual([]);
  });

  it("gives every fact a valid date with a precision, a note when inferred, and a source and meeting not in the trash", async () => {
    const rows = await read(t.db).select().from(s.facts);
    for (const f of rows) {
      expect(dateSpanProblem({ start: f.dateStart, end: f.dateEnd, precision: f.datePrecision }), f.id).toBeNull();
      expect(DATE_PRECISIONS, f.id).toContain(f.datePrecision);
      if (f.dateInferred) expect(f.dateNote, f.id).toBeTruthy();
    }
    expect(
      await all(sql`SELECT f.id FROM facts f JOIN sources s ON s.id = f.source_id WHERE s.deleted_at IS NOT NULL`),
    ).toEqual([]);
    expect(
      await all(sql`SELECT f.id FROM facts f JOIN meetings m ON m.id = f.meeting_id WHERE m.deleted_at IS NOT NULL`),
    ).toEqual([]);
  });

  it("quotes, for a fact made at a meeting, a source that reports that meeting", async () => {
    const unreported = await all(sql`SELECT f.id FROM facts f WHERE f.meeting_id IS NOT NULL AND NOT EXISTS
      (SELECT 1 FROM meeting_sources ms WHERE ms.meeting_id = f.meeting_id AND ms.source_id = f.source_id)`);
    expect(unreported).toEqual([]);
    expect(Number((await one(sql`SELECT count(*) AS n FROM facts WHERE meeting_id IS NOT NULL`))?.n)).toBeGreaterThan(
      0,
    );
  });

  it("dates a fact made at a meeting with the meeting's own date", async () => {
    const off = await all(sql`SELECT f.id FROM facts f JOIN meetings m ON m.id = f.meeting_id
      WHERE f.date_start <> m.date_start OR f.date_end <> m.date_end OR f.date_precision <> m.date_precision`);
    expect(off).toEqual([]);
  });

  it("gives every figure a metric, value, unit and period label, and only figures have them", async () => {
    const bad = await all(
      sql`SELECT id FROM facts WHERE (kind = 'figure') <> (metric_key IS NOT NULL AND value IS NOT NULL AND unit IS NOT NULL AND period_label IS NOT NULL)`,
    );
    expect(bad).toEqual([]);
    expect(Number((await one(sql`SELECT count(*) AS n FROM facts WHERE kind = 'figure'`))?.n)).toBeGreaterThanOrEqual(
      12,
    );
  });

  it("dates every meeting but the one announced without any date, and notes every inferred meeting date", async () => {
    expect((await all(sql`SELECT id FROM meetings WHERE date_start IS NULL`)).map((r) => r.id)).toEqual([
      "mtg-eu-ca-tourism-forum",
    ]);
    expect(
      await all(sql`SELECT id FROM meetings WHERE date_inferred AND (date_note IS NULL OR date_note = '')`),
    ).toEqual([]);
    expect(await all(sql`SELECT id FROM meetings WHERE id NOT IN (SELECT meeting_id FROM meeting_sources)`)).toEqual(
      [],
    );
  });
});

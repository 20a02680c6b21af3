import type { SeedDate, SeedSource } from "../types";

/**
 * The date spans the curation uses more than once. A span is the earliest and latest day
 * the thing can be; the precision is how it should be shown. Every inferred span says, in
 * one sentence, how it was worked out. Days and years the articles print are not inferred.
 */
const Y2025 =
  "the year 2025 follows from Kaja Kallas being High Representative, investment data running to September 2024 and the summit of April 4 being the first";

export const dates = {
  // ── Source 000 (16th ministerial, online) ────────────────────────────────────────────
  pub000: {
    start: "2020-11-17", end: "2020-11-30", precision: "month", inferred: true,
    note: "No date is printed; the article reports the ministerial of 17 November (year inferred as 2020) as just held, so it appeared on or soon after that day.",
  },
  ministerial16: {
    start: "2020-11-17", end: "2020-11-17", precision: "day", inferred: true,
    note: "Only \"Nov. 17\" is printed; the year 2020 follows from the online format in the pandemic, the first economic forum planned \"in 2021\" and the next (17th) ministerial set for \"next year\", which the July 2021 article places in autumn 2021.",
  },
  aidPledge2020: {
    start: "2020-01-01", end: "2020-11-30", precision: "year", inferred: true,
    note: "The November 2020 article (year inferred) says the government \"recently\" announced the aid; no date is printed.",
  },
  covidFirstMonths2020: {
    start: "2020-01-01", end: "2020-11-30", precision: "year", inferred: true,
    note: "\"The first months after the Covid-19 outbreak\", reported in November 2020 (year inferred); no dates are printed.",
  },
  // ── Source 003 (HLPSD, July 2021) ────────────────────────────────────────────────────
  pub003: { start: "2021-07-01", end: "2021-07-01", precision: "day" },
  hlpsd2021: {
    start: "2021-06-01", end: "2021-07-01", precision: "season", inferred: true,
    note: "The article of 1 July 2021 reports the meeting as held but gives no day; it took place on or shortly before that date.",
  },
  ministerial17: {
    start: "2021-09-01", end: "2021-11-30", precision: "season", inferred: true,
    note: "\"Scheduled this autumn\" in the article of 1 July 2021 (and \"next year\" in the 2020 report of the 16th), so autumn 2021; no day is printed.",
  },
  forum1: { start: "2021-01-01", end: "2021-12-31", precision: "year" },
  // ── Source 001 (18th ministerial, November 2022) ────────────────────────────────────
  pub001: { start: "2022-11-18", end: "2022-11-18", precision: "day" },
  ministerial18: {
    start: "2022-11-01", end: "2022-11-18", precision: "month", inferred: true,
    note: "The article of 18 November 2022 reports the meeting as held but prints no day, so it took place on or shortly before that date.",
  },
  consultative1: {
    start: "2022-01-01", end: "2022-11-17", precision: "year", inferred: true,
    note: "Called \"historic recent\" in the article of 18 November 2022, with no date printed; taken as earlier in 2022.",
  },
  forum2: {
    start: "2023-05-01", end: "2023-05-31", precision: "month", inferred: true,
    note: "May 2023 is the date planned in the November 2022 article; the 2023 article reports the Almaty forum as held but prints no date.",
  },
  // ── Source 002 (10th HLPSD, 2023) ────────────────────────────────────────────────────
  hlpsd10: {
    start: "2023-06-03", end: "2023-11-30", precision: "year", inferred: true,
    note: "No date is printed; the meeting follows the Cholpon-Ata meeting of 2 June 2023 and precedes a ministerial \"in the autumn of this year\" and a summit in 2024, so mid-to-late 2023.",
  },
  consultative2: { start: "2023-06-02", end: "2023-06-02", precision: "day" },
  recent2023: {
    start: "2023-01-01", end: "2023-11-30", precision: "year", inferred: true,
    note: "Discussed as recent in the undated 2023 article on the 10th HLPSD (year inferred); no date is printed.",
  },
  ministerialAutumn2023: {
    start: "2023-09-01", end: "2023-11-30", precision: "season", inferred: true,
    note: "\"In the autumn of this year\" in the undated article on the 10th HLPSD, whose year is inferred as 2023.",
  },
  year2022: { start: "2022-01-01", end: "2022-12-31", precision: "year" },
  growthTo2022: {
    start: "2022-01-01", end: "2022-12-31", precision: "year", inferred: true,
    note: "The article gives the 2022 total but not the period over which trade grew by 61%; dated to 2022, the end point.",
  },
  kzEuTrade40: {
    start: "2022-01-01", end: "2022-12-31", precision: "year", inferred: true,
    note: "No period is printed; \"at the same time\" follows the Central Asia–EU figure for 2022 in the same paragraph, so it is taken as 2022.",
  },
  euInvestTenYears: {
    start: "2013-01-01", end: "2023-11-30", precision: "year", inferred: true,
    note: "\"Over the past ten years\" counted back from the 2023 article (year inferred); the exact start and end are not printed.",
  },
  // ── Source 004 (Kallas in Central Asia, spring 2025) ────────────────────────────────
  pub004: {
    start: "2025-03-28", end: "2025-04-04", precision: "season", inferred: true,
    note: `No date is printed; the article reports the 28 March meeting with Tokayev as past and the 4 April summit as upcoming, and ${Y2025}.`,
  },
  kallasTour: {
    start: "2025-03-01", end: "2025-04-04", precision: "season", inferred: true,
    note: `The visit included 27 March (Ashgabat) and 28 March (Kazakhstan) and ended before the 4 April summit; ${Y2025}.`,
  },
  ministerial20: {
    start: "2025-03-27", end: "2025-03-27", precision: "day", inferred: true,
    note: `"March 27" is printed without a year; ${Y2025}.`,
  },
  kallasTokayev: {
    start: "2025-03-28", end: "2025-03-28", precision: "day", inferred: true,
    note: `"March 28" is printed without a year; ${Y2025}.`,
  },
  kallasNurtleu: {
    start: "2025-03-27", end: "2025-04-03", precision: "season", inferred: true,
    note: `No day is printed; the meeting came after the Ashgabat ministerial of 27 March and before the 4 April summit it calls upcoming; ${Y2025}.`,
  },
  ashgabatVisit: {
    start: "2025-03-01", end: "2025-03-31", precision: "month", inferred: true,
    note: `No day is printed; it took place during Vassilenko's visit to Ashgabat for the ministerial of 27 March; ${Y2025}.`,
  },
  summitSamarkand: {
    start: "2025-04-04", end: "2025-04-04", precision: "day", inferred: true,
    note: `"April 4" is printed without a year; ${Y2025} (the 2023 article had announced a full-fledged summit for 2024).`,
  },
  kzEuTrade2024: {
    start: "2024-01-01", end: "2024-12-31", precision: "year", inferred: true,
    note: "No period is printed; taken as calendar 2024, the latest full year before the spring 2025 article, whose investment figure in the same paragraph runs to September 2024.",
  },
  fdi2005to2024: { start: "2005-01-01", end: "2024-09-30", precision: "year" },
  climateSummit2026: { start: "2026-01-01", end: "2026-12-31", precision: "year" },
} satisfies Record<string, SeedDate>;

export const sources: SeedSource[] = [
  {
    id: "src-000",
    fileName: "000_9cda15aeba26eaaf.txt",
    publisher: null,
    publisherNote: "The article names no publisher; it carries only a NUR-SULTAN dateline.",
    title: null,
    dateline: "NUR-SULTAN",
    published: dates.pub000,
    url: null,
  },
  {
    id: "src-001",
    fileName: "001_7a094f6f779c30f4.txt",
    publisher: "Kazinform",
    publisherNote: "Named in the dateline (\"SAMARKAND. KAZINFORM\"); the article cites the press service of the Kazakh MFA.",
    title: null,
    dateline: "SAMARKAND",
    published: dates.pub001,
    url: null,
  },
  {
    id: "src-002",
    fileName: "002_d0e7587b5a069c96.txt",
    publisher: "Kazinform",
    publisherNote: "Named in the dateline (\"ASTANA. KAZINFORM\"); the article refers to the press service of the Kazakh MFA.",
    title: "EU-Central Asia high-level political and security dialogue meeting makes another step towards closer ties",
    dateline: "ASTANA",
    published: {
      ...dates.hlpsd10,
      note: "No date is printed; the article follows the Cholpon-Ata meeting of 2 June 2023 and precedes a ministerial \"in the autumn of this year\" and a summit in 2024, so mid-to-late 2023.",
    },
    url: null,
  },
  {
    id: "src-003",
    fileName: "003_3da182788ff82ad4.txt",
    publisher: "Kazinform",
    publisherNote: "Named in the dateline (\"NUR-SULTAN. KAZINFORM\"); the article cites the Kazakh MFA's press service.",
    title: "Central Asia - European Union High-level Political and Security Dialogue meeting held",
    dateline: "NUR-SULTAN",
    published: dates.pub003,
    url: null,
  },
  {
    id: "src-004",
    fileName: "004_5af7c3f0c1db4ac1.txt",
    publisher: "NE Global Media",
    publisherNote:
      "Publisher and title are taken from the closing web-page line (\"The post … appeared first on NE Global Media\"); the article prints no headline or dateline of its own.",
    title: "Kallas reiterates close cooperation ahead of EU-Central Asia summit",
    dateline: null,
    published: dates.pub004,
    url: null,
  },
];

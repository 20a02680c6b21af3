import type { SeedPerson, SeedRole } from "../types";

/** Named people, spelled as they spell themselves; the articles' misspellings are aliases. */
export const people: SeedPerson[] = [
  { id: "per-tileuberdi", name: "Mukhtar Tileuberdi" },
  { id: "per-borrell", name: "Josep Borrell", aliases: ["Joseph Borell"] },
  { id: "per-tokayev", name: "Kassym-Jomart Tokayev" },
  { id: "per-vassilenko", name: "Roman Vassilenko" },
  { id: "per-mora", name: "Enrique Mora" },
  { id: "per-alimbayev", name: "Yerlan Alimbayev" },
  { id: "per-nab", name: "Mirwais Nab" },
  { id: "per-kallas", name: "Kaja Kallas" },
  { id: "per-nurtleu", name: "Murat Nurtleu" },
  { id: "per-stiprais", name: "Eduards Stiprais" },
];

/**
 * Titles as the articles show them in use. One row per post (two wordings of one post are one
 * role: the fuller wording is the title, the shorter stays in the article's quote and the
 * participation's quote). validFrom/validTo are the first and last days a source shows it
 * (attestedOnly), never appointment dates, each at a precision: where only the month or year
 * is known (an undated article), the end is that whole month or year ("Mar 2025"), never a
 * placeholder day — see the date notes in sources.ts.
 */
export const roles: SeedRole[] = [
  {
    id: "role-tileuberdi-fm-2020",
    personId: "per-tileuberdi",
    partyId: "KZ",
    title: "Minister of Foreign Affairs of Kazakhstan",
    validFrom: "2020-11-17", // 16th ministerial; year inferred
    validTo: "2020-11-17",
    sourceId: "src-000",
    quote: "Kazakh Minister of Foreign Affairs Mukhtar Tileuberdi",
  },
  {
    id: "role-tileuberdi-dpm-fm-2022",
    personId: "per-tileuberdi",
    partyId: "KZ",
    title: "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan",
    validFrom: "2022-11-18", // the article's printed date
    validTo: "2022-11-18",
    sourceId: "src-001",
    quote: "Deputy Prime Minister – Minister of Foreign Affairs of the Republic of Kazakhstan Mukhtar Tileuberdi",
  },
  {
    // One post from the 16th ministerial (17 Nov 2020, printed) to the 2022 article (18 Nov,
    // printed). The 2020 article's "EU High Representative for Foreign Affairs and Security
    // Policy" is the same post worded briefly, not an earlier one: he held both offices
    // throughout. The stable id is the one the fuller wording had (role-borrell-hr-2020 is gone).
    id: "role-borrell-vp-hr-2022",
    personId: "per-borrell",
    partyId: "EU",
    title: "Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy",
    validFrom: "2020-11-17",
    validTo: "2022-11-18",
    sourceId: "src-001",
    quote: "Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy Josep Borrell",
  },
  {
    id: "role-tokayev-president",
    personId: "per-tokayev",
    partyId: "KZ",
    title: "President of Kazakhstan",
    // Named as president in the November 2020 article, which prints no date of its own: Nov 2020.
    validFrom: "2020-11-01", validFromPrecision: "month",
    validTo: "2025-03-28", // meeting with Kallas
    sourceId: "src-000",
    quote: "Kazakh President Kassym-Jomart Tokayev",
  },
  {
    id: "role-alimbayev-dfm",
    personId: "per-alimbayev",
    partyId: "KZ",
    title: "Deputy Minister of Foreign Affairs of Kazakhstan",
    validFrom: "2021-07-01",
    validTo: "2021-07-01",
    sourceId: "src-003",
    quote: "Deputy Minister of Foreign Affairs of the Republic of Kazakhstan Yerlan Alimbayev",
  },
  {
    // One post from the 2021 HLPSD (article of 1 July 2021, printed) to the undated 10th HLPSD
    // (2023, year inferred; no day printed, so the whole year). The 2021 article's "Deputy
    // Secretary General of the EEAS" omits "for Political Affairs"; the same post, not a change.
    id: "role-mora-dsg-political-2023",
    personId: "per-mora",
    partyId: "EU",
    title: "Deputy Secretary General for Political Affairs of the European External Action Service (EEAS)",
    validFrom: "2021-07-01",
    validTo: "2023-12-31", validToPrecision: "year",
    sourceId: "src-002",
    quote: "Enrique Mora, Deputy Secretary General for Political Affairs of the European External Action Service",
  },
  {
    id: "role-nab-dfm-af",
    personId: "per-nab",
    partyId: "AF",
    title: "Deputy Minister of Foreign Affairs of the Islamic Republic of Afghanistan",
    validFrom: "2021-07-01",
    validTo: "2021-07-01",
    sourceId: "src-003",
    quote: "Mirwais Nab, the Deputy Minister of Foreign Affairs of the Islamic Republic of Afghanistan",
  },
  {
    id: "role-vassilenko-dfm",
    personId: "per-vassilenko",
    partyId: "KZ",
    title: "Deputy Minister of Foreign Affairs of Kazakhstan",
    validFrom: "2023-01-01", validFromPrecision: "year", // the undated 10th HLPSD: 2023, no day printed
    validTo: "2025-03-27", // 20th ministerial, Ashgabat (year inferred)
    sourceId: "src-002",
    quote: "Roman Vassilenko, Kazakh Deputy Foreign Minister",
  },
  {
    id: "role-kallas-hr-vp",
    personId: "per-kallas",
    partyId: "EU",
    title: "High Representative of the European Union for Foreign Affairs and Security Policy – Vice-President of the European Commission",
    validFrom: "2025-03-27",
    validTo: "2025-03-28",
    sourceId: "src-004",
    quote: "High Representative of the European Union for Foreign Affairs and Security Policy – Vice-President of the European Commission Kaja Kallas",
  },
  {
    id: "role-nurtleu-dpm-fm",
    personId: "per-nurtleu",
    partyId: "KZ",
    title: "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan",
    // The meeting with Kallas prints no day: after 27 March, before the 4 April summit. Only the
    // months are known, so March to April 2025 at month precision (27 March was a placeholder
    // no article prints for him, and a lookup on 28 March missed him).
    validFrom: "2025-03-01", validFromPrecision: "month",
    validTo: "2025-04-30", validToPrecision: "month",
    sourceId: "src-004",
    quote: "Kazakhstan’s Deputy Prime Minister – Minister of Foreign Affairs Murat Nurtleu",
  },
  {
    id: "role-stiprais-eusr-ca",
    personId: "per-stiprais",
    partyId: "EU",
    title: "EU Special Representative for Central Asia",
    // Met during Vassilenko's Ashgabat visit, March 2025; no day printed, so the month.
    validFrom: "2025-03-01", validFromPrecision: "month",
    validTo: "2025-03-31", validToPrecision: "month",
    sourceId: "src-004",
    quote: "the newly appointed EU Special Representative for Central Asia Eduards Stiprais",
  },
];

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
 * Titles as the articles show them in use. One row per distinct title; validFrom/validTo are
 * the first and last days a source shows it (attestedOnly), never appointment dates. Where the
 * day itself is uncertain (an undated article) the row starts on the earliest day the attesting
 * meeting can have taken place — see the date notes in sources.ts.
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
    id: "role-borrell-hr-2020",
    personId: "per-borrell",
    partyId: "EU",
    title: "EU High Representative for Foreign Affairs and Security Policy",
    validFrom: "2020-11-17",
    validTo: "2020-11-17",
    sourceId: "src-000",
    quote: "the EU High Representative for Foreign Affairs and Security Policy Joseph Borell",
  },
  {
    id: "role-borrell-vp-hr-2022",
    personId: "per-borrell",
    partyId: "EU",
    title: "Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy",
    validFrom: "2022-11-18",
    validTo: "2022-11-18",
    sourceId: "src-001",
    quote: "Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy Josep Borrell",
  },
  {
    id: "role-tokayev-president",
    personId: "per-tokayev",
    partyId: "KZ",
    title: "President of Kazakhstan",
    validFrom: "2020-11-17", // named as president in the November 2020 article
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
    id: "role-mora-dsg-2021",
    personId: "per-mora",
    partyId: "EU",
    title: "Deputy Secretary General of the European External Action Service (EEAS)",
    validFrom: "2021-07-01",
    validTo: "2021-07-01",
    sourceId: "src-003",
    quote: "Deputy Secretary General of the European External Action Service (EEAS) Enrique Mora",
  },
  {
    id: "role-mora-dsg-political-2023",
    personId: "per-mora",
    partyId: "EU",
    title: "Deputy Secretary General for Political Affairs of the European External Action Service (EEAS)",
    validFrom: "2023-06-03", // earliest day of the undated 10th HLPSD
    validTo: "2023-06-03",
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
    validFrom: "2023-06-03", // earliest day of the undated 10th HLPSD
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
    validFrom: "2025-03-27", // earliest day of the undated meeting with Kallas
    validTo: "2025-03-27",
    sourceId: "src-004",
    quote: "Kazakhstan’s Deputy Prime Minister – Minister of Foreign Affairs Murat Nurtleu",
  },
  {
    id: "role-stiprais-eusr-ca",
    personId: "per-stiprais",
    partyId: "EU",
    title: "EU Special Representative for Central Asia",
    validFrom: "2025-03-01", // earliest day of Vassilenko's Ashgabat visit (March 2025); day not printed
    validTo: "2025-03-01",
    sourceId: "src-004",
    quote: "the newly appointed EU Special Representative for Central Asia Eduards Stiprais",
  },
];

import type { SeedMeeting, SeedParticipation } from "../types";
import { dates } from "./sources";

/**
 * The parties an announced EU–Central Asia event is expected to bring together. The format
 * is the EU and the five Central Asian states, and the announcing articles name it so
 * ("EU-Central Asia", "the leaders of the European Union and the five countries of Central
 * Asia"); without them the Kazakhstan briefing never saw the 17th ministerial or the first
 * summit, whose dates passed with no report that they were held (issue 13).
 */
const EU_CA = ["EU", "KG", "KZ", "TJ", "TM", "UZ"];

/**
 * Every event the five articles report or announce, one row however many articles mention it.
 * Mode: "in-person" only for a held meeting the article places in a city; announced events are
 * "unknown" (how they will be held is not yet reported); the 16th ministerial was "virtual", so online.
 */
export const meetings: SeedMeeting[] = [
  // ── EU–Central Asia ministerials ─────────────────────────────────────────────────────
  {
    id: "mtg-eu-ca-ministerial-16",
    name: "16th EU–Central Asia Ministerial Meeting",
    series: "eu-ca-ministerial", format: "ministerial", ordinal: 16,
    date: dates.ministerial16, place: null, mode: "online", status: "held",
    sources: [
      { sourceId: "src-000", reports: "held", quote: "participated in the 16th EU-Central Asia ministerial meeting held Nov. 17" },
    ],
  },
  {
    id: "mtg-eu-ca-ministerial-17",
    name: "17th Central Asia–EU Ministerial Meeting",
    series: "eu-ca-ministerial", format: "ministerial", ordinal: 17,
    date: dates.ministerial17, place: "Dushanbe", hostPartyId: "TJ", mode: "unknown",
    // Announced twice; no source reports it held, so it stays "announced".
    status: "announced", expectedPartyIds: EU_CA,
    sources: [
      { sourceId: "src-000", reports: "announced", quote: "The next ministerial meeting will take place next year in Dushanbe." },
      { sourceId: "src-003", reports: "announced", quote: "preparations for the 17th Central Asia – EU Ministerial meeting scheduled this autumn in Dushanbe" },
    ],
  },
  {
    id: "mtg-eu-ca-ministerial-18",
    name: "18th Meeting of Foreign Ministers of the Central Asian States and the European Union",
    series: "eu-ca-ministerial", format: "ministerial", ordinal: 18,
    // The day is not printed; the article is dated 18 November 2022.
    date: dates.ministerial18, place: "Samarkand", hostPartyId: "UZ", mode: "in-person", status: "held",
    sources: [
      { sourceId: "src-001", reports: "held", quote: "took part in the 18th Meeting of Foreign Ministers of the Central Asian states and the European Union" },
    ],
  },
  {
    // Announced in 2023 without an ordinal; by the series it would fall between the 18th (2022)
    // and the 20th (2025), but the number is not printed, so none is stored.
    id: "mtg-eu-ca-ministerial-2023-autumn",
    name: "Central Asia–EU Ministerial Meeting (autumn 2023)",
    series: "eu-ca-ministerial", format: "ministerial",
    date: dates.ministerialAutumn2023, place: null, mode: "unknown", status: "announced", expectedPartyIds: EU_CA,
    sources: [
      { sourceId: "src-002", reports: "announced", quote: "on the eve of the Central Asia - EU Ministerial Meeting in the autumn of this year" },
    ],
  },
  {
    id: "mtg-eu-ca-ministerial-20",
    name: "20th Central Asia–European Union Ministerial Meeting",
    series: "eu-ca-ministerial", format: "ministerial", ordinal: 20,
    date: dates.ministerial20, place: "Ashgabat", hostPartyId: "TM", mode: "in-person", status: "held",
    sources: [
      { sourceId: "src-004", reports: "held", quote: "at the Central Asia-European Union 20th Ministerial Meeting on March 27 in Ashgabat, Turkmenistan" },
    ],
  },
  // ── High-level Political and Security Dialogue ───────────────────────────────────────
  {
    // Ordinal not printed. The only place line is the Nur-Sultan dateline, which does not say
    // where the meeting sat (or whether it was online, in mid-2021), so place and mode are unknown.
    id: "mtg-eu-ca-hlpsd-2021",
    name: "Central Asia–European Union High-level Political and Security Dialogue (2021)",
    series: "eu-ca-hlpsd", format: "political-security-dialogue",
    date: dates.hlpsd2021, place: null, mode: "unknown", status: "held",
    sources: [
      { sourceId: "src-003", reports: "held", quote: "Central Asia - European Union High-level Political and Security Dialogue meeting held" },
    ],
  },
  {
    // "The tenth anniversary meeting": stored as the 10th of the series.
    id: "mtg-eu-ca-hlpsd-10",
    name: "10th Central Asia–European Union High-level Political and Security Dialogue",
    series: "eu-ca-hlpsd", format: "political-security-dialogue", ordinal: 10,
    date: dates.hlpsd10, place: "Astana", hostPartyId: "KZ", mode: "in-person", status: "held",
    sources: [
      {
        sourceId: "src-002", reports: "held",
        quote: "The tenth anniversary meeting of the Central Asia-European Union High-level Political and Security Dialogue (HLPSD) took place in the capital of Kazakhstan.",
      },
    ],
  },
  // ── Heads of state ────────────────────────────────────────────────────────────────────
  {
    id: "mtg-ca-euco-consultative-1",
    name: "First meeting of the Heads of State of Central Asia and the President of the European Council",
    series: "ca-euco-consultative", format: "summit", ordinal: 1,
    date: dates.consultative1, place: "Astana", hostPartyId: "KZ", mode: "in-person", status: "held",
    sources: [
      {
        sourceId: "src-001", reports: "held",
        quote: "the historic recent first meeting of the heads of Central Asian states and the President of the European Council in Astana",
      },
    ],
  },
  {
    id: "mtg-ca-euco-consultative-2",
    name: "Second Consultative Meeting of the Heads of State of Central Asia and the President of the European Council",
    series: "ca-euco-consultative", format: "summit", ordinal: 2,
    date: dates.consultative2, place: "Cholpon-Ata", hostPartyId: "KG", mode: "in-person", status: "held",
    sources: [
      {
        sourceId: "src-002", reports: "held",
        quote: "the Second Consultative Meeting of the Heads of State of Central Asia and the President of the European Council in Cholpon-Ata on 2 June 2023",
      },
    ],
  },
  {
    // One event, not two. The 2023 article announced "a full-fledged CA-EU Summit in 2024"; the
    // 2025 article calls the Samarkand summit of April 4 "the first summit between the leaders of
    // the European Union and the five countries of Central Asia", so no such summit was held in
    // 2024: the announced summit is this one, held later than first announced. Neither article
    // reports it held (the 2025 one was written before it), so it stays "announced".
    id: "mtg-eu-ca-summit-1",
    name: "First EU–Central Asia Summit",
    series: "eu-ca-summit", format: "summit", ordinal: 1,
    date: dates.summitSamarkand, place: "Samarkand", hostPartyId: "UZ", mode: "unknown", status: "announced", expectedPartyIds: EU_CA,
    sources: [
      { sourceId: "src-002", reports: "announced", quote: "a full-fledged CA-EU Summit in 2024" },
      {
        sourceId: "src-004", reports: "announced",
        quote: "the first summit between the leaders of the European Union and the five countries of Central Asia in Samarkand, Uzbekistan, on April 4",
      },
    ],
  },
  {
    // No expected parties: the article names only the host (Kazakhstan, linked as host) and the
    // UN's auspices, not who is to attend.
    id: "mtg-regional-climate-summit-2026",
    name: "Regional Climate Summit under the auspices of the UN",
    format: "summit",
    date: dates.climateSummit2026, place: "Astana", hostPartyId: "KZ", mode: "unknown", status: "announced",
    sources: [
      { sourceId: "src-004", reports: "announced", quote: "holding the Regional Climate Summit in Astana under the auspices of the UN in 2026" },
    ],
  },
  // ── Forums ───────────────────────────────────────────────────────────────────────────
  {
    id: "mtg-eu-ca-economic-forum-1",
    name: "First EU–Central Asia Economic Forum",
    series: "eu-ca-economic-forum", format: "forum", ordinal: 1,
    date: dates.forum1, place: "Bishkek", hostPartyId: "KG", mode: "unknown", status: "announced", expectedPartyIds: EU_CA,
    sources: [
      { sourceId: "src-000", reports: "announced", quote: "organize the first EU and Central Asia Economic Forum in Bishkek in 2021" },
    ],
  },
  {
    // Announced for May 2023 in 001; 002 discusses "agreements achieved" at it: one forum, held.
    id: "mtg-eu-ca-economic-forum-2",
    name: "Second Central Asia–EU Economic Forum",
    series: "eu-ca-economic-forum", format: "forum", ordinal: 2,
    date: dates.forum2, place: "Almaty", hostPartyId: "KZ", mode: "in-person", status: "held",
    sources: [
      { sourceId: "src-001", reports: "announced", quote: "the second CA-EU Economic Forum is planned in May 2023 in Almaty." },
      { sourceId: "src-002", reports: "held", quote: "European Union - Central Asia Economic Forum in Almaty" },
    ],
  },
  {
    // An initiative welcomed by the ministers; no date or place is given.
    id: "mtg-eu-ca-tourism-forum",
    name: "EU–Central Asia Tourism Forum (Uzbekistan's initiative)",
    format: "forum",
    date: null, place: null, mode: "unknown", status: "announced", expectedPartyIds: EU_CA,
    sources: [
      { sourceId: "src-000", reports: "announced", quote: "welcomed Uzbekistan’s initiative to organize the EU and Central Asia tourism forum" },
    ],
  },
  // ── Afghanistan ──────────────────────────────────────────────────────────────────────
  {
    id: "mtg-ca-eu-special-reps-ashgabat-2023",
    name: "Meeting of Special Representatives of the Central Asian States and the EU",
    format: "special-representatives",
    date: dates.recent2023, place: "Ashgabat", hostPartyId: "TM", mode: "in-person", status: "held",
    sources: [
      {
        sourceId: "src-002", reports: "mentioned",
        quote: "the recent Meeting of Special Representatives of the Central Asian states and the EU in Ashgabat",
      },
    ],
  },
  {
    // A UN meeting outside the EU–Central Asia format; kept because its outcomes were discussed.
    id: "mtg-un-conference-doha-2023",
    name: "United Nations conference in Doha",
    format: "conference",
    date: dates.recent2023, place: "Doha", mode: "in-person", status: "held",
    sources: [{ sourceId: "src-002", reports: "mentioned", quote: "the United Nations conference in Doha" }],
  },
  // ── Kallas in Central Asia, Vassilenko in Ashgabat (2025) ───────────────────────────
  {
    id: "mtg-kallas-tokayev-2025",
    name: "Meeting of EU High Representative Kaja Kallas with President Kassym-Jomart Tokayev",
    format: "bilateral",
    // The city is not named; the meeting was in Kazakhstan.
    date: dates.kallasTokayev, place: null, hostPartyId: "KZ", mode: "in-person", status: "held",
    sources: [
      { sourceId: "src-004", reports: "held", quote: "During her meeting with Kazakhstan’s President Kassym-Jomart Tokayev on March 28" },
    ],
  },
  {
    id: "mtg-kallas-nurtleu-2025",
    name: "Meeting of EU High Representative Kaja Kallas with Foreign Minister Murat Nurtleu",
    format: "bilateral",
    // Kallas thanked "Minister Nurtleu for the hospitality": met in Kazakhstan, city not named.
    date: dates.kallasNurtleu, place: null, hostPartyId: "KZ", mode: "in-person", status: "held",
    sources: [
      {
        sourceId: "src-004", reports: "held",
        quote: "Kallas also discussed Kazakh-European cooperation and issues of the global agenda with Kazakhstan’s Deputy Prime Minister – Minister of Foreign Affairs Murat Nurtleu.",
      },
    ],
  },
  {
    id: "mtg-ashgabat-side-event-peace-trust-2025",
    name: "Side event \"International Year of Peace and Trust: Deepening Cooperation between Central Asia and the EU\"",
    format: "side-event",
    date: dates.ashgabatVisit, place: "Ashgabat", hostPartyId: "TM", mode: "in-person", status: "held",
    sources: [
      {
        sourceId: "src-004", reports: "held",
        quote: "the side event dubbed International Year of Peace and Trust: Deepening Cooperation between Central Asia and the EU, organized at the initiative of Turkmenistan",
      },
    ],
  },
  {
    id: "mtg-vassilenko-stiprais-2025",
    name: "Meeting of Roman Vassilenko with EU Special Representative Eduards Stiprais",
    format: "bilateral",
    date: dates.ashgabatVisit, place: "Ashgabat", hostPartyId: "TM", mode: "in-person", status: "held",
    sources: [
      {
        sourceId: "src-004", reports: "held",
        quote: "On the sidelines of the event, Vassilenko met with the newly appointed EU Special Representative for Central Asia Eduards Stiprais",
      },
    ],
  },
];

const M16 = "mtg-eu-ca-ministerial-16";
const H10 = "mtg-eu-ca-hlpsd-10";
const HFM = "Deputy Minister of Foreign Affairs";
const BORRELL_POST = "Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy";
const MORA_POST = "Deputy Secretary General for Political Affairs of the European External Action Service (EEAS)";

/**
 * Who took part, in which capacity. Participants the article does not name have no person.
 * The heads of state at the two consultative meetings are not listed country by country: the
 * articles do not say which heads attended, only the President of the European Council.
 */
export const participations: SeedParticipation[] = [
  // 16th ministerial (online)
  { id: "prt-m16-tileuberdi", meetingId: M16, personId: "per-tileuberdi", partyId: "KZ", title: "Minister of Foreign Affairs of Kazakhstan", sourceId: "src-000", quote: "Kazakh Minister of Foreign Affairs Mukhtar Tileuberdi participated in the 16th EU-Central Asia ministerial meeting" },
  { id: "prt-m16-fm-tj", meetingId: M16, personId: null, partyId: "TJ", title: "Minister of Foreign Affairs of Tajikistan", sourceId: "src-000", quote: "The virtual meeting also gathered the foreign ministers of Tajikistan, Turkmenistan and Uzbekistan" },
  { id: "prt-m16-fm-tm", meetingId: M16, personId: null, partyId: "TM", title: "Minister of Foreign Affairs of Turkmenistan", sourceId: "src-000", quote: "The virtual meeting also gathered the foreign ministers of Tajikistan, Turkmenistan and Uzbekistan" },
  { id: "prt-m16-fm-uz", meetingId: M16, personId: null, partyId: "UZ", title: "Minister of Foreign Affairs of Uzbekistan", sourceId: "src-000", quote: "The virtual meeting also gathered the foreign ministers of Tajikistan, Turkmenistan and Uzbekistan" },
  { id: "prt-m16-first-dfm-kg", meetingId: M16, personId: null, partyId: "KG", title: "First Deputy Minister of Foreign Affairs of Kyrgyzstan", sourceId: "src-000", quote: "first deputy foreign minister of Kyrgyzstan" },
  // Borrell's post is titled as the 2022 article words it in full; this article shortens it
  // (no "Vice-President"), which the quote keeps. One post, one title (issue 13).
  { id: "prt-m16-borrell", meetingId: M16, personId: "per-borrell", partyId: "EU", title: BORRELL_POST, sourceId: "src-000", quote: "the EU High Representative for Foreign Affairs and Security Policy Joseph Borell" },
  // 18th ministerial (Samarkand)
  { id: "prt-m18-tileuberdi", meetingId: "mtg-eu-ca-ministerial-18", personId: "per-tileuberdi", partyId: "KZ", title: "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan", leadsDelegation: true, sourceId: "src-001", quote: "The Kazakh delegation headed by Deputy Prime Minister – Minister of Foreign Affairs of the Republic of Kazakhstan Mukhtar Tileuberdi" },
  { id: "prt-m18-borrell", meetingId: "mtg-eu-ca-ministerial-18", personId: "per-borrell", partyId: "EU", title: BORRELL_POST, leadsDelegation: true, sourceId: "src-001", quote: "The EU delegation was headed by Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy Josep Borrell." },
  // HLPSD 2021
  { id: "prt-h21-alimbayev", meetingId: "mtg-eu-ca-hlpsd-2021", personId: "per-alimbayev", partyId: "KZ", title: "Deputy Minister of Foreign Affairs of Kazakhstan", sourceId: "src-003", quote: "Deputy Minister of Foreign Affairs of the Republic of Kazakhstan Yerlan Alimbayev participated in the Central Asia – European Union High-level Political and Security Dialogue meeting." },
  // Mora held one post throughout: the 2023 article gives its full title, this one omits
  // "for Political Affairs" (kept in the quote). One post, one title (issue 13).
  { id: "prt-h21-mora", meetingId: "mtg-eu-ca-hlpsd-2021", personId: "per-mora", partyId: "EU", title: MORA_POST, leadsDelegation: true, sourceId: "src-003", quote: "The EU delegation was led by Deputy Secretary General of the European External Action Service (EEAS) Enrique Mora." },
  { id: "prt-h21-nab", meetingId: "mtg-eu-ca-hlpsd-2021", personId: "per-nab", partyId: "AF", title: "Deputy Minister of Foreign Affairs of the Islamic Republic of Afghanistan (invited guest)", sourceId: "src-003", quote: "Mirwais Nab, the Deputy Minister of Foreign Affairs of the Islamic Republic of Afghanistan, was invited to take part in the meeting" },
  // 10th HLPSD (Astana). Vassilenko leads: "Deputy foreign ministers led the delegations from
  // Kazakhstan, …" and he is the Kazakh deputy foreign minister who made the opening remarks.
  { id: "prt-h10-vassilenko", meetingId: H10, personId: "per-vassilenko", partyId: "KZ", title: `${HFM} of Kazakhstan`, leadsDelegation: true, sourceId: "src-002", quote: "In his opening remarks, Roman Vassilenko, Kazakh Deputy Foreign Minister said" },
  { id: "prt-h10-dfm-kg", meetingId: H10, personId: null, partyId: "KG", title: `${HFM} of Kyrgyzstan`, leadsDelegation: true, sourceId: "src-002", quote: "Deputy foreign ministers led the delegations from Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan" },
  { id: "prt-h10-dfm-tj", meetingId: H10, personId: null, partyId: "TJ", title: `${HFM} of Tajikistan`, leadsDelegation: true, sourceId: "src-002", quote: "Deputy foreign ministers led the delegations from Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan" },
  { id: "prt-h10-dfm-uz", meetingId: H10, personId: null, partyId: "UZ", title: `${HFM} of Uzbekistan`, leadsDelegation: true, sourceId: "src-002", quote: "Deputy foreign ministers led the delegations from Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan" },
  { id: "prt-h10-amb-tm", meetingId: H10, personId: null, partyId: "TM", title: "Ambassador of Turkmenistan in Astana", leadsDelegation: true, sourceId: "src-002", quote: "the Turkmen ambassador in Astana led its delegation" },
  { id: "prt-h10-mora", meetingId: H10, personId: "per-mora", partyId: "EU", title: MORA_POST, leadsDelegation: true, sourceId: "src-002", quote: "Enrique Mora, Deputy Secretary General for Political Affairs of the European External Action Service, headed the EU delegation." },
  // Consultative meetings of heads of state: only the EU side is a single named office.
  { id: "prt-c1-euco-president", meetingId: "mtg-ca-euco-consultative-1", personId: null, partyId: "EU", title: "President of the European Council", sourceId: "src-001", quote: "first meeting of the heads of Central Asian states and the President of the European Council in Astana" },
  { id: "prt-c2-euco-president", meetingId: "mtg-ca-euco-consultative-2", personId: null, partyId: "EU", title: "President of the European Council", sourceId: "src-002", quote: "Second Consultative Meeting of the Heads of State of Central Asia and the President of the European Council in Cholpon-Ata" },
  // 20th ministerial (Ashgabat)
  { id: "prt-m20-kallas", meetingId: "mtg-eu-ca-ministerial-20", personId: "per-kallas", partyId: "EU", title: "High Representative of the European Union for Foreign Affairs and Security Policy – Vice-President of the European Commission", sourceId: "src-004", quote: "On March 27, Kallas discussed preparations for Central Asia-European Union Summit at the Central Asia-European Union 20th Ministerial Meeting on March 27 in Ashgabat, Turkmenistan." },
  { id: "prt-m20-vassilenko", meetingId: "mtg-eu-ca-ministerial-20", personId: "per-vassilenko", partyId: "KZ", title: `${HFM} of Kazakhstan`, sourceId: "src-004", quote: "In Ashgabat, Kazakh Deputy Minister of Foreign Affairs Roman Vassilenko announced several Kazakhstan initiatives" },
  // Kallas in Kazakhstan
  { id: "prt-kt-kallas", meetingId: "mtg-kallas-tokayev-2025", personId: "per-kallas", partyId: "EU", title: "High Representative of the European Union for Foreign Affairs and Security Policy – Vice-President of the European Commission", sourceId: "src-004", quote: "During her meeting with Kazakhstan’s President Kassym-Jomart Tokayev on March 28" },
  { id: "prt-kt-tokayev", meetingId: "mtg-kallas-tokayev-2025", personId: "per-tokayev", partyId: "KZ", title: "President of Kazakhstan", sourceId: "src-004", quote: "During her meeting with Kazakhstan’s President Kassym-Jomart Tokayev on March 28" },
  { id: "prt-kn-kallas", meetingId: "mtg-kallas-nurtleu-2025", personId: "per-kallas", partyId: "EU", title: "High Representative of the European Union for Foreign Affairs and Security Policy – Vice-President of the European Commission", sourceId: "src-004", quote: "Kallas also discussed Kazakh-European cooperation and issues of the global agenda with Kazakhstan’s Deputy Prime Minister – Minister of Foreign Affairs Murat Nurtleu." },
  { id: "prt-kn-nurtleu", meetingId: "mtg-kallas-nurtleu-2025", personId: "per-nurtleu", partyId: "KZ", title: "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan", sourceId: "src-004", quote: "Kazakhstan’s Deputy Prime Minister – Minister of Foreign Affairs Murat Nurtleu" },
  // Vassilenko in Ashgabat
  { id: "prt-se-vassilenko", meetingId: "mtg-ashgabat-side-event-peace-trust-2025", personId: "per-vassilenko", partyId: "KZ", title: `${HFM} of Kazakhstan`, sourceId: "src-004", quote: "During his visit to Ashgabat, Vassilenko attended the side event dubbed International Year of Peace and Trust" },
  { id: "prt-vs-vassilenko", meetingId: "mtg-vassilenko-stiprais-2025", personId: "per-vassilenko", partyId: "KZ", title: `${HFM} of Kazakhstan`, sourceId: "src-004", quote: "On the sidelines of the event, Vassilenko met with the newly appointed EU Special Representative for Central Asia Eduards Stiprais" },
  { id: "prt-vs-stiprais", meetingId: "mtg-vassilenko-stiprais-2025", personId: "per-stiprais", partyId: "EU", title: "EU Special Representative for Central Asia", sourceId: "src-004", quote: "the newly appointed EU Special Representative for Central Asia Eduards Stiprais" },
];

import type { SeedFact } from "../types";
import { dates } from "./sources";

/** Source 003: the Central Asia–EU High-level Political and Security Dialogue of mid-2021, with an Afghan guest. */
const S = "src-003";
const H21 = "mtg-eu-ca-hlpsd-2021";
const CA_EU = ["KZ", "KG", "TJ", "TM", "UZ", "EU"];
const d = dates.hlpsd2021;

export const facts003: SeedFact[] = [
  {
    id: "fact-003-01", kind: "statement", sourceId: S, meetingId: H21, date: d,
    text: "Because of the great importance attached to cooperation with Afghanistan for stability and security in Central Asia and Europe, Afghanistan's Deputy Minister of Foreign Affairs Mirwais Nab was invited to take part in the dialogue.",
    quote: "Attaching great importance to developing cooperation with Afghanistan for ensuring stability and security in Central Asia and Europe, Mirwais Nab, the Deputy Minister of Foreign Affairs of the Islamic Republic of Afghanistan, was invited to take part in the meeting",
    parties: [...CA_EU, "AF"], topics: ["afghanistan", "security"],
  },
  {
    id: "fact-003-02", kind: "statement", sourceId: S, meetingId: H21, date: d,
    text: "The parties exchanged perspectives on interregional cooperation, including the EU's programme activities in Central Asia.",
    quote: "the parties exchanged their perspectives on interregional cooperation, including the EU's programmatic activities in Central Asia",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-003-03", kind: "statement", sourceId: S, meetingId: H21, date: d,
    text: "The parties discussed joint efforts to provide support and resolve the situation in Afghanistan.",
    quote: "joint efforts aimed at providing support and resolving the situation in Afghanistan",
    parties: [...CA_EU, "AF"], topics: ["afghanistan"],
  },
  {
    id: "fact-003-04", kind: "announcement", sourceId: S, meetingId: H21, date: d,
    text: "The parties discussed preparations for the 17th Central Asia–EU ministerial meeting, scheduled for that autumn in Dushanbe.",
    quote: "as well as preparations for the 17th Central Asia – EU Ministerial meeting scheduled this autumn in Dushanbe",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-003-05", kind: "commitment", sourceId: S, meetingId: H21, date: d,
    text: "The EU reaffirmed its strong commitment to intraregional cooperation in Central Asia and highly appreciated the ongoing regional processes and the efforts made for rapprochement between the states.",
    quote: "The European side, reaffirming its strong commitment to Central Asian intraregional cooperation, highly appreciated the ongoing regional processes and the resolute efforts made for interstate rapprochement.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-003-06", kind: "statement", sourceId: S, meetingId: H21, date: d,
    text: "Kazakhstan's Deputy Foreign Minister Yerlan Alimbayev spoke about the situation in the region and the national and regional efforts to support stability and sustainable development.",
    quote: "In his speech, the Kazakhstani diplomat told about the situation in the region, the national and regional efforts to support stability and sustainable development",
    parties: ["KZ", "KG", "TJ", "TM", "UZ"], topics: ["security", "regional-cooperation"],
  },
  {
    id: "fact-003-07", kind: "statement", sourceId: S, meetingId: H21, date: d,
    text: "Alimbayev made a number of constructive proposals for building up interregional interaction in politics, the economy and security.",
    quote: "made a number of constructive proposals aimed at further building up interregional interaction in politics, economy and security",
    parties: CA_EU, topics: ["regional-cooperation", "trade-investment", "security"],
  },
  {
    id: "fact-003-08", kind: "commitment", sourceId: S, meetingId: H21, date: d,
    text: "The participants reaffirmed their mutual interest in cooperating on border management, on terrorism, extremism and illicit drug trafficking, on wider cooperation between law enforcement agencies and on joint approaches to the Afghan settlement.",
    quote: "The participants have reaffirmed their mutual interest in cooperation for border management, meeting regional challenges and threats related to terrorism and extremism, illicit drug trafficking, expanding cooperation between law enforcement agencies, as well as elaborating joint approaches for the Afghan settlement.",
    parties: [...CA_EU, "AF"], topics: ["migration-borders", "security", "afghanistan"],
  },
  {
    id: "fact-003-09", kind: "statement", sourceId: S, meetingId: H21, date: d,
    text: "Regional sustainable development challenges, including rational management of transboundary water resources, environmental issues and climate change, were widely discussed.",
    quote: "Regional sustainable development challenges, including cooperation for rational transboundary water resources management, addressing environmental issues and climate change, were also widely deliberated and discussed.",
    parties: CA_EU, topics: ["water-climate-environment"],
  },
  {
    id: "fact-003-10", kind: "outcome", sourceId: S, meetingId: H21, date: d,
    text: "Following the dialogue, the parties agreed to continue their efforts on full implementation of the priorities of the EU Strategy for Central Asia.",
    quote: "Following the meeting, the parties agreed to continue their firm efforts on full implementation of the EU Strategy priorities for Central Asia.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
];

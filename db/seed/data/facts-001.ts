import type { SeedFact } from "../types";
import { dates } from "./sources";

/** Source 001: the 18th meeting of Central Asian and EU foreign ministers, Samarkand, November 2022. */
const S = "src-001";
const M18 = "mtg-eu-ca-ministerial-18";
const CA_EU = ["KZ", "KG", "TJ", "TM", "UZ", "EU"];

export const facts001: SeedFact[] = [
  {
    id: "fact-001-01", kind: "statement", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "At the 18th ministerial the delegations discussed topical interregional and global issues, including common security challenges and the situation in Afghanistan.",
    quote: "the delegations discussed topical interregional and global issues, including common security challenges, situation in Afghanistan",
    parties: [...CA_EU, "AF"], topics: ["security", "afghanistan"],
  },
  {
    id: "fact-001-02", kind: "statement", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "The delegations also discussed economic, trade and investment cooperation, environmental protection, water use and climate, and education, science and innovation.",
    quote: "economic, trade and investment cooperation, interaction in the fields of environmental protection, water use and climate, as well as education, science and innovation",
    parties: CA_EU, topics: ["trade-investment", "water-climate-environment", "science-education"],
  },
  {
    id: "fact-001-03", kind: "statement", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "Mukhtar Tileuberdi, noting the main results of the first meeting of the heads of Central Asian states and the President of the European Council in Astana, stressed the importance of putting into practice the agreements reached at the highest level.",
    quote: "noting the main results of the historic recent first meeting of the heads of Central Asian states and the President of the European Council in Astana, stressed the importance of practical implementation of the agreements reached at the highest level",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-001-04", kind: "statement", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "Tileuberdi drew attention to the importance of closer coordination of the parties' actions, with respect for mutual interests, in the rapidly changing situation in the world and the region.",
    quote: "He also drew the attention of the participants to the importance of strengthening the coordination of the parties' actions with respect for mutual interests in the rapidly changing situation in the world and in the region.",
    parties: CA_EU, topics: ["regional-cooperation", "security"],
  },
  {
    id: "fact-001-05", kind: "quote", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "Tileuberdi: Kazakhstan is ready to enhance comprehensive cooperation and improve interconnectivity with European partners.",
    quote: "«Kazakhstan is ready to enhance comprehensive cooperation and improve interconnectivity with European partners,» Tileuberdi said.",
    parties: ["KZ", "EU"], topics: ["regional-cooperation", "transport-connectivity"],
  },
  {
    id: "fact-001-06", kind: "statement", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "Tileuberdi proposed that the European side initiate new interregional cooperation programmes, including in science, technology and innovation.",
    quote: "he made a proposal to the European side to initiate new interregional cooperation programs, including in the fields of science, technology and innovation",
    parties: CA_EU, topics: ["science-education", "regional-cooperation"],
  },
  {
    id: "fact-001-07", kind: "announcement", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "Tileuberdi announced Kazakhstan's readiness to increase supplies of rare earth metals to Europe.",
    quote: "The Foreign Minister also announced Kazakhstan's readiness to increase supplies of rare earth metals to Europe",
    parties: ["KZ", "EU"], topics: ["energy-raw-materials", "trade-investment"],
  },
  {
    id: "fact-001-08", kind: "statement", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "Tileuberdi offered cooperation on primary processing of raw materials in Kazakhstan, so as to export finished products needed by high-tech sectors of the economy.",
    quote: "offered to cooperate in the field of primary processing of raw materials in Kazakhstan in order to export finished products necessary for high-tech sectors of the economy",
    parties: ["KZ", "EU"], topics: ["energy-raw-materials", "trade-investment"],
  },
  {
    id: "fact-001-09", kind: "statement", sourceId: S, meetingId: M18, date: dates.ministerial18,
    text: "The growth of trade turnover between Kazakhstan, the countries of Central Asia and the European Union since the beginning of 2022 was noted positively.",
    quote: "The growth of trade turnover between Kazakhstan and the countries of Central Asia and the European Union since the beginning of 2022 was noted in a positive way.",
    parties: CA_EU, topics: ["trade-investment"],
  },
  {
    // Reported alongside the ministerial, but the article does not say it was announced there.
    id: "fact-001-10", kind: "announcement", sourceId: S, date: dates.pub001,
    text: "The second Central Asia–EU Economic Forum is planned for May 2023 in Almaty.",
    quote: "the second CA-EU Economic Forum is planned in May 2023 in Almaty.",
    parties: CA_EU, topics: ["trade-investment", "regional-cooperation"],
  },
];

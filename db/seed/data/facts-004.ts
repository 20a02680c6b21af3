import type { SeedFact } from "../types";
import { dates } from "./sources";

/** Source 004: Kaja Kallas in Central Asia, the 20th ministerial in Ashgabat, spring 2025 (year inferred). */
const S = "src-004";
const KT = "mtg-kallas-tokayev-2025";
const KN = "mtg-kallas-nurtleu-2025";
const M20 = "mtg-eu-ca-ministerial-20";
const CA_EU = ["KZ", "KG", "TJ", "TM", "UZ", "EU"];
const KZ_EU = ["KZ", "EU"];
/** The trade sentence: the turnover, its growth, exports and imports are all stated in it. */
const TRADE =
  "The trade turnover between Kazakhstan and European Union reached $49.7 billion (+16.9 percent), including exports from Kazakhstan – $ 38.6 billion, imports to Kazakhstan – $11.1 billion, according to Kazakhstan’s Ministry of Foreign Affairs.";
const TRADE_PERIOD = "2024 (inferred; period not printed)";

export const facts004: SeedFact[] = [
  {
    id: "fact-004-01", kind: "announcement", sourceId: S, date: dates.pub004,
    text: "The first summit between the leaders of the European Union and the five countries of Central Asia is to be held in Samarkand, Uzbekistan, on 4 April.",
    quote: "Ahead of the first summit between the leaders of the European Union and the five countries of Central Asia in Samarkand, Uzbekistan, on April 4",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-02", kind: "statement", sourceId: S, date: dates.kallasTour,
    text: "Kaja Kallas, High Representative of the European Union for Foreign Affairs and Security Policy and Vice-President of the European Commission, travelled to the Central Asian countries, including Kazakhstan, where she focused on close cooperation between Brussels and Astana.",
    quote: "High Representative of the European Union for Foreign Affairs and Security Policy – Vice-President of the European Commission Kaja Kallas travelled to the Central Asian countries, including Kazakhstan, where she focused on the close cooperation between Brussels and Astana.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-03", kind: "statement", sourceId: S, date: dates.pub004,
    text: "Rounding up her visit, Kallas reiterated that Kazakhstan is a very important partner to the EU and that Brussels is committed to deepening its relationship with Kazakhstan, especially in environmental issues, energy and trade.",
    quote: "Rounding up her visit of Central Asia, Kallas reiterated that Kazakhstan is a very important partner to the EU and Brussels’ commitment to deepen its relationship with the Central Asian country, especially in environmental issues, energy, and trade.",
    parties: KZ_EU, topics: ["water-climate-environment", "energy-raw-materials", "trade-investment"],
  },
  {
    id: "fact-004-04", kind: "statement", sourceId: S, meetingId: KT, date: dates.kallasTokayev,
    text: "Kallas and President Tokayev discussed prospects for comprehensive cooperation, especially expanding trade and economic partnership in energy, industry and digitalisation and major infrastructure projects to develop the Trans-Caspian transport corridor (TITR).",
    quote: "During her meeting with Kazakhstan’s President Kassym-Jomart Tokayev on March 28, they discussed the prospects for comprehensive cooperation between Kazakhstan, especially expanding trade and economic partnerships in priority areas such as energy, industry, digitalization, and the implementation of major infrastructure projects aimed at developing the Trans-Caspian Transport Corridor (TITR)",
    parties: KZ_EU, topics: ["trade-investment", "energy-raw-materials", "digitalisation", "transport-connectivity"],
  },
  {
    id: "fact-004-05", kind: "statement", sourceId: S, meetingId: KT, date: dates.kallasTokayev,
    text: "Kallas noted that Kazakhstan was the first country in the region to sign the Enhanced Partnership and Cooperation Agreement with the EU, which shows a high level of bilateral relations.",
    quote: "As Kallas noted, Kazakhstan was the first country in the region to sign the Enhanced Partnership and Cooperation Agreement with the EU, which demonstrates a high level of bilateral relations.",
    parties: KZ_EU, topics: ["regional-cooperation", "trade-investment"],
  },
  {
    id: "fact-004-06", kind: "announcement", sourceId: S, meetingId: KT, date: dates.kallasTokayev,
    text: "At the meeting with Tokayev, Kallas announced the launch of visa facilitation negotiations between the European Commission and Kazakhstan.",
    quote: "During the meeting, the EU’s top diplomat announced the launch of visa facilitation negotiations between the European Commission and Kazakhstan.",
    parties: KZ_EU, topics: ["visas-people"],
  },
  {
    id: "fact-004-07", kind: "statement", sourceId: S, meetingId: KT, date: dates.kallasTokayev,
    text: "Tokayev said Kazakhstan views the visa facilitation talks very positively, as they open broad opportunities for strengthening people-to-people contacts and business ties with European countries.",
    quote: "For his part, Tokayev stressed that Kazakhstan views this development very positively, as it opens broad opportunities for strengthening interpersonal contacts and business ties with European countries.",
    parties: KZ_EU, topics: ["visas-people", "trade-investment"],
  },
  {
    id: "fact-004-08", kind: "statement", sourceId: S, meetingId: KT, date: dates.kallasTokayev,
    text: "Kallas and Tokayev exchanged views on pressing issues of the international and regional agenda.",
    quote: "They exchanged views on pressing issues of the international and regional agenda.",
    parties: KZ_EU, topics: ["security", "regional-cooperation"],
  },
  {
    id: "fact-004-09", kind: "statement", sourceId: S, meetingId: KT, date: dates.kallasTokayev,
    text: "Tokayev highlighted the importance of caution and responsibility in assessing the challenging situations in the world.",
    quote: "The President of Kazakhstan highlighted the importance of demonstrating caution and responsibility in assessing the challenging situations in the world.",
    parties: KZ_EU, topics: ["security"],
  },
  {
    id: "fact-004-10", kind: "commitment", sourceId: S, meetingId: KT, date: dates.kallasTokayev,
    text: "Tokayev, a former senior UN official, underlined Kazakhstan's unwavering commitment to seeking diplomatic solutions to all acute international problems and conflicts.",
    quote: "As a former senior UN official, President Tokayev underlined Kazakhstan’s unwavering commitment to seeking diplomatic solutions to all acute international problems and conflicts.",
    parties: KZ_EU, topics: ["security"],
  },
  {
    id: "fact-004-11", kind: "statement", sourceId: S, meetingId: KT, date: dates.kallasTokayev,
    text: "The Kallas–Tokayev meeting also addressed interaction in the Central Asia–EU format.",
    quote: "The meeting also addressed issues of interaction in the “Central Asia – EU” format.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-12", kind: "statement", sourceId: S, meetingId: KN, date: dates.kallasNurtleu,
    text: "Kallas discussed Kazakh-European cooperation and global issues with Murat Nurtleu, Kazakhstan's Deputy Prime Minister and Minister of Foreign Affairs.",
    quote: "Kallas also discussed Kazakh-European cooperation and issues of the global agenda with Kazakhstan’s Deputy Prime Minister – Minister of Foreign Affairs Murat Nurtleu.",
    parties: KZ_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-13", kind: "statement", sourceId: S, meetingId: KN, date: dates.kallasNurtleu,
    text: "Kallas and Nurtleu welcomed the high dynamics of interaction and underlined the importance of the upcoming Central Asia–EU summit in Samarkand.",
    quote: "They welcomed the high dynamics of interaction, underlining the importance of the upcoming Central Asia – European Union Summit in Samarkand.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-14", kind: "statement", sourceId: S, meetingId: KN, date: dates.kallasNurtleu,
    text: "On the Trans-Caspian International Transport Route, Nurtleu outlined the need for joint practical steps that would open access to the markets of the Middle East and Africa.",
    quote: "In the context of the development of the Trans-Caspian International Transport Route, Nurtleu outlined the need to take joint practical steps, which will enable access to the markets of the Middle East and Africa.",
    parties: KZ_EU, topics: ["transport-connectivity", "trade-investment"],
  },
  {
    // Reported after the meeting with Nurtleu, but the article does not say at which meeting.
    id: "fact-004-15", kind: "commitment", sourceId: S, date: dates.pub004,
    text: "Kallas reiterated the EU's commitment to deepening long-term cooperation with Kazakhstan and to implementing joint projects.",
    quote: "Kallas reiterated the EU’s commitment to deepening long-term cooperation with Kazakhstan and implementing joint projects.",
    parties: KZ_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-16", kind: "statement", sourceId: S, date: dates.pub004,
    text: "Kallas said that deepening cooperation with Kazakhstan would be helped by the outcomes of the Central Asia–EU ministerial meeting recently held in Ashgabat, which the European side values highly.",
    quote: "Kallas reiterated the EU’s commitment to deepening long-term cooperation with Kazakhstan and implementing joint projects. She stated that this would be facilitated by the outcomes of the “Central Asia – EU” Ministerial Meeting recently held in Ashgabat, which are highly valued by the European side.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-17", kind: "quote", sourceId: S, date: dates.pub004,
    text: "Kallas wrote on X, thanking President Tokayev and Minister Nurtleu for their hospitality, that the EU appreciates Kazakhstan's important role and sees eye to eye with its respect for international law and the UN Charter.",
    quote: "Thank you President Tokayev and Minister Nurtleu for the hospitality and insightful discussions. We appreciate Kazakhstan’s important role and see eye-to-eye with its respect for international law and the UN Charter,” Kallas wrote on X.",
    parties: KZ_EU, topics: ["regional-cooperation", "security"],
  },
  {
    id: "fact-004-18", kind: "statement", sourceId: S, meetingId: M20, date: dates.ministerial20,
    text: "At the 20th Central Asia–EU ministerial meeting in Ashgabat on 27 March, Kallas discussed preparations for the Central Asia–EU summit.",
    quote: "On March 27, Kallas discussed preparations for Central Asia-European Union Summit at the Central Asia-European Union 20th Ministerial Meeting on March 27 in Ashgabat, Turkmenistan.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-19", kind: "announcement", sourceId: S, meetingId: M20, date: dates.ministerial20,
    text: "In Ashgabat, Kazakhstan's Deputy Minister of Foreign Affairs Roman Vassilenko announced several Kazakh initiatives in agriculture, digitalisation and investment cooperation.",
    quote: "In Ashgabat, Kazakh Deputy Minister of Foreign Affairs Roman Vassilenko announced several Kazakhstan initiatives in the areas of agriculture, digitalization, and investment cooperation",
    parties: CA_EU, topics: ["digitalisation", "trade-investment"],
  },
  {
    id: "fact-004-20", kind: "statement", sourceId: S, meetingId: M20, date: dates.ministerial20,
    text: "Vassilenko set out Kazakhstan's vision for unlocking the transit potential of the Trans-Caspian International Transport Route.",
    quote: "outlining the country’s vision for untapping the transit potential of the Trans-Caspian International Transport Route",
    parties: CA_EU, topics: ["transport-connectivity"],
  },
  {
    id: "fact-004-21", kind: "statement", sourceId: S, meetingId: M20, date: dates.ministerial20,
    text: "Vassilenko emphasised the importance of tackling climate change in Central Asia.",
    quote: "He also emphasized the importance of tackling climate change in Central Asia",
    parties: CA_EU, topics: ["water-climate-environment"],
  },
  {
    id: "fact-004-22", kind: "announcement", sourceId: S, meetingId: M20, date: dates.ministerial20,
    text: "Vassilenko noted the significance of holding the Regional Climate Summit in Astana under the auspices of the UN in 2026.",
    quote: "noting the significance of holding the Regional Climate Summit in Astana under the auspices of the UN in 2026",
    parties: CA_EU, topics: ["water-climate-environment"],
  },
  {
    id: "fact-004-23", kind: "outcome", sourceId: S, meetingId: M20, date: dates.ministerial20,
    text: "Following the 20th ministerial, a joint communique reflecting the priority areas of regional cooperation was adopted.",
    quote: "Following the meeting, a joint communique was adopted, reflecting the priority areas of regional cooperation.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-004-24", kind: "statement", sourceId: S, meetingId: "mtg-vassilenko-stiprais-2025", date: dates.ashgabatVisit,
    text: "Vassilenko and Eduards Stiprais, the newly appointed EU Special Representative for Central Asia, discussed regional cooperation in water resources management, science and education, and sustainable connectivity.",
    quote: "Vassilenko met with the newly appointed EU Special Representative for Central Asia Eduards Stiprais to discuss regional cooperation in water resources management, science and education, and sustainable connectivity.",
    parties: CA_EU, topics: ["water-climate-environment", "science-education", "transport-connectivity"],
  },
  {
    id: "fact-004-25", kind: "statement", sourceId: S, date: dates.pub004,
    text: "The European Union is Kazakhstan's main trade and investment partner.",
    quote: "The European Union is the main trade and investment partner of Kazakhstan.",
    parties: KZ_EU, topics: ["trade-investment"],
  },
  {
    id: "fact-004-26", kind: "figure", sourceId: S, date: dates.kzEuTrade2024,
    text: "Trade turnover between Kazakhstan and the EU reached 49.7 billion US dollars, according to Kazakhstan's Ministry of Foreign Affairs (period not printed; taken as 2024).",
    quote: TRADE, parties: KZ_EU, topics: ["trade-investment"],
    figure: { metricKey: "trade-turnover:KZ-EU", value: 49.7, unit: "billion", currency: "USD", periodLabel: TRADE_PERIOD },
  },
  {
    id: "fact-004-27", kind: "figure", sourceId: S, date: dates.kzEuTrade2024,
    text: "Trade turnover between Kazakhstan and the EU grew by 16.9 percent, according to Kazakhstan's Ministry of Foreign Affairs (period and base not printed).",
    quote: TRADE, parties: KZ_EU, topics: ["trade-investment"],
    figure: { metricKey: "trade-turnover-growth:KZ-EU", value: 16.9, unit: "percent", periodLabel: "2024 (inferred); base period not printed" },
  },
  {
    id: "fact-004-28", kind: "figure", sourceId: S, date: dates.kzEuTrade2024,
    text: "Kazakhstan's exports to the EU amounted to 38.6 billion US dollars, according to Kazakhstan's Ministry of Foreign Affairs (period not printed; taken as 2024).",
    quote: TRADE, parties: KZ_EU, topics: ["trade-investment"],
    figure: { metricKey: "exports:KZ-EU", value: 38.6, unit: "billion", currency: "USD", periodLabel: TRADE_PERIOD },
  },
  {
    id: "fact-004-29", kind: "figure", sourceId: S, date: dates.kzEuTrade2024,
    text: "Kazakhstan's imports from the EU amounted to 11.1 billion US dollars, according to Kazakhstan's Ministry of Foreign Affairs (period not printed; taken as 2024).",
    quote: TRADE, parties: KZ_EU, topics: ["trade-investment"],
    figure: { metricKey: "imports:KZ-EU", value: 11.1, unit: "billion", currency: "USD", periodLabel: TRADE_PERIOD },
  },
  {
    id: "fact-004-30", kind: "figure", sourceId: S, date: dates.fdi2005to2024,
    text: "The gross inflow of direct investment from EU countries into Kazakhstan from 2005 to the first nine months of 2024 amounted to 200.7 billion US dollars.",
    quote: "The gross inflow of direct investment from EU countries for the period from 2005 to 9 months of 2024 amounted $200.7 billion.",
    parties: KZ_EU, topics: ["trade-investment"],
    figure: { metricKey: "fdi-gross-inflow:EU-KZ", value: 200.7, unit: "billion", currency: "USD", periodLabel: "2005 to Sep 2024" },
  },
  {
    id: "fact-004-31", kind: "figure", sourceId: S, date: dates.pub004,
    text: "More than 3,000 European companies are operating in Kazakhstan.",
    quote: "There are more than 3,000 European companies currently operating in Kazakhstan.",
    parties: KZ_EU, topics: ["trade-investment"],
    figure: { metricKey: "companies:EU-in-KZ", value: 3000, unit: "companies (more than)", periodLabel: "at the time of the spring 2025 article (year inferred)" },
  },
];

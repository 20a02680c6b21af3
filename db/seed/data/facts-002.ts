import type { SeedFact } from "../types";
import { dates } from "./sources";

/** Source 002: the 10th Central Asia–EU High-level Political and Security Dialogue, Astana, 2023. */
const S = "src-002";
const H10 = "mtg-eu-ca-hlpsd-10";
const CA_EU = ["KZ", "KG", "TJ", "TM", "UZ", "EU"];
const d = dates.hlpsd10;

export const facts002: SeedFact[] = [
  {
    // The quote keeps the article's Cyrillic "Р" in "Рarticipants"; the text is all Latin.
    id: "fact-002-01", kind: "outcome", sourceId: S, meetingId: H10, date: d,
    text: "Participants in the 10th HLPSD agreed that further dynamic development of interregional cooperation would serve mutual interests.",
    quote: "Рarticipants agreed that further dynamic development of interregional cooperation would serve mutual interests",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-002-02", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "The parties discussed implementing the agreements reached at the Second Consultative Meeting of the Heads of State of Central Asia and the President of the European Council in Cholpon-Ata on 2 June 2023, at the EU–Central Asia Economic Forum in Almaty and at other events.",
    quote: "The parties discussed the implementation of agreements achieved at the Second Consultative Meeting of the Heads of State of Central Asia and the President of the European Council in Cholpon-Ata on 2 June 2023, European Union - Central Asia Economic Forum in Almaty and other events.",
    parties: CA_EU, topics: ["regional-cooperation", "trade-investment"],
  },
  {
    id: "fact-002-03", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "In light of Central Asia's growing engagement with external partners, the participants discussed expanding Central Asia–EU cooperation on water security and on combating illegal migration and religious extremism in the region.",
    quote: "In light of Central Asia’s growing engagement with external partners, the participants discussed the possibilities for expanding cooperation between Central Asian countries and the EU on a number of areas, including ensuring water security, combating illegal migration and religious extremism in the region.",
    parties: CA_EU, topics: ["water-climate-environment", "migration-borders", "security"],
  },
  {
    id: "fact-002-04", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "Interaction in the context of the situation in Afghanistan and pressing issues on the international agenda were also addressed.",
    quote: "Interaction in the context of the situation in Afghanistan and pressing issues on the international agenda were also addressed.",
    parties: [...CA_EU, "AF"], topics: ["afghanistan", "regional-cooperation"],
  },
  {
    id: "fact-002-05", kind: "quote", sourceId: S, meetingId: H10, date: d,
    text: "Roman Vassilenko, opening the meeting: Kazakhstan, Central Asia and the European Union are on the threshold of a qualitatively new stage of relationship.",
    quote: "In his opening remarks, Roman Vassilenko, Kazakh Deputy Foreign Minister said, «Kazakhstan, Central Asia, and the European Union are on the threshold of a qualitatively new stage of relationship.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-002-06", kind: "quote", sourceId: S, meetingId: H10, date: d,
    text: "Vassilenko expressed confidence that interregional cooperation in trade, the economy and investment, transport and logistics, and countering common security challenges will soon become even stronger, and the political dialogue will expand and deepen.",
    quote: "We are confident that in the near future our interregional cooperation in trade, economic and investment spheres, in areas of transport and logistics, in countering common security challenges will become even stronger, while our political dialogue will expand and deepen.",
    parties: CA_EU, topics: ["trade-investment", "transport-connectivity", "security", "regional-cooperation"],
  },
  {
    id: "fact-002-07", kind: "quote", sourceId: S, meetingId: H10, date: d,
    text: "The head of the EU delegation gave assurance that the EU has been and remains a reliable partner for Central Asia.",
    quote: "In turn, the head of the European delegation reassured that «the EU has been and remains a reliable partner for Central Asia.»",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-002-08", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "Vassilenko highlighted the significant increase in regional collaboration, including under the EU Strategy on Central Asia.",
    quote: "Roman Vassilenko also highlighted the significant increase in regional collaboration, including under the EU Strategy on Central Asia.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-002-09", kind: "figure", sourceId: S, date: dates.euInvestTenYears,
    text: "The EU has invested about 105 billion euros in Central Asia over the past ten years.",
    quote: "The EU has invested about 105 billion euros in Central Asia over the past ten years",
    parties: CA_EU, topics: ["trade-investment"],
    // "about 105 billion": the approximation is a flag on the figure, printed as "about EUR 105
    // billion" — a bare 105 claimed a precision the article does not (issue 13).
    figure: {
      metricKey: "investment:EU-CA", value: 105, unit: "billion", currency: "EUR",
      periodLabel: "past ten years to 2023 (years not printed)", approximate: true,
    },
  },
  {
    id: "fact-002-10", kind: "figure", sourceId: S, date: dates.year2022,
    text: "Trade between Central Asia and the EU amounted to 49 billion US dollars in 2022.",
    quote: "trade between Central Asia and the EU increased by 61% and amounted to 49 billion US dollars in 2022",
    parties: CA_EU, topics: ["trade-investment"],
    figure: { metricKey: "trade-turnover:CA-EU", value: 49, unit: "billion", currency: "USD", periodLabel: "2022" },
  },
  {
    id: "fact-002-11", kind: "figure", sourceId: S, date: dates.growthTo2022,
    text: "Trade between Central Asia and the EU increased by 61%, to 49 billion US dollars in 2022; the article does not say over what period.",
    quote: "trade between Central Asia and the EU increased by 61% and amounted to 49 billion US dollars in 2022",
    parties: CA_EU, topics: ["trade-investment"],
    figure: { metricKey: "trade-turnover-growth:CA-EU", value: 61, unit: "percent", periodLabel: "growth up to 2022; base period not stated" },
  },
  {
    id: "fact-002-12", kind: "figure", sourceId: S, date: dates.kzEuTrade40,
    text: "Trade turnover between Kazakhstan and the EU amounted to 40 billion US dollars (period not printed; taken as 2022).",
    quote: "At the same time, the trade turnover between Kazakhstan and the EU amounted to 40 billion US dollars.",
    parties: ["KZ", "EU"], topics: ["trade-investment"],
    figure: { metricKey: "trade-turnover:KZ-EU", value: 40, unit: "billion", currency: "USD", periodLabel: "2022 (inferred; period not printed)" },
  },
  {
    id: "fact-002-13", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "Vassilenko briefed on Kazakhstan's efforts to develop cooperation in the region and set out specific initiatives to enhance investment and energy cooperation between Central Asia and the EU.",
    quote: "The deputy minister also briefed on Kazakhstan’s efforts in developing cooperation in the region and articulated a number of specific initiatives aimed at enhancing investment and energy cooperation between the countries of Central Asia and the EU.",
    parties: CA_EU, topics: ["trade-investment", "energy-raw-materials"],
  },
  {
    id: "fact-002-14", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "Vassilenko outlined promising avenues for interaction in rare earth metals, digitalisation, ecology and the green transition or environmentally friendly industries.",
    quote: "He particularly outlined promising avenues for interaction in the spheres of rare earth metals, digitalization, ecology and green transition or the development of environmentally friendly industries.",
    parties: CA_EU, topics: ["energy-raw-materials", "digitalisation", "water-climate-environment"],
  },
  {
    id: "fact-002-15", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "Vassilenko welcomed the key findings of the EBRD study on Sustainable Transport Connectivity between Central Asia and the EU.",
    quote: "Roman Vassilenko welcomed the key findings of the study by the European Bank for Reconstruction and Development (EBRD) on Sustainable Transport Connectivity between Central Asia and the EU",
    parties: CA_EU, topics: ["transport-connectivity"],
  },
  {
    id: "fact-002-16", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "Vassilenko called on the participants to jointly and fully realise the potential of the Central Trans-Caspian Transport Network, which runs through southern Kazakhstan, covers all major cities and industrial centres of Central Asia and was identified by the EBRD as the most sustainable option for future development.",
    quote: "called on the participants to jointly and fully implement the potential of the so-called «Central Trans-Caspian Transport Network», running through southern Kazakhstan, covering all major cities and industrial centers of Central Asia and identified by the EBRD as the «most sustainable option» for future development.",
    parties: CA_EU, topics: ["transport-connectivity"],
  },
  {
    id: "fact-002-17", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "According to Vassilenko, developing infrastructure, harmonising transport standards and lifting barriers will be economically beneficial and will strengthen the entire range of cooperation between the countries of the region and the EU.",
    quote: "According to the diplomat, the development of infrastructure, harmonization of transport standards and lifting of barriers in this area will not only be economically beneficial, but will also strengthen the entire range of cooperation between the countries of the region and the EU.",
    parties: CA_EU, topics: ["transport-connectivity", "regional-cooperation"],
  },
  {
    id: "fact-002-18", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "On Afghanistan, the sides discussed in detail the outcomes of the recent meeting of Special Representatives of the Central Asian states and the EU in Ashgabat and of the United Nations conference in Doha.",
    quote: "Regarding the situation in Afghanistan, the sides discussed in detail the outcomes of the recent Meeting of Special Representatives of the Central Asian states and the EU in Ashgabat and the United Nations conference in Doha.",
    parties: [...CA_EU, "AF"], topics: ["afghanistan"],
  },
  {
    id: "fact-002-19", kind: "statement", sourceId: S, meetingId: H10, date: d,
    text: "The participants stressed the importance of continuing to implement effectively the EU-funded multi-year regional assistance programmes LEICA, CADAP and BOMCA, which strengthen border services and law enforcement, including against drug trafficking.",
    quote: "the participants of the dialogue stressed the importance of further effective implementation of multi-year regional assistance programs funded by the European Union to strengthen the capacity of border services and law enforcement agencies, including in the field of countering drug trafficking (LEICA, CADAP, BOMCA)",
    parties: CA_EU, topics: ["security", "migration-borders"],
  },
  {
    id: "fact-002-20", kind: "commitment", sourceId: S, meetingId: H10, date: d,
    text: "Vassilenko said Kazakhstan is committed to continuing humanitarian assistance to the Afghan people and developing trade and economic cooperation with Afghanistan, which positively affects security there.",
    quote: "«Kazakhstan is committed to continuing providing the humanitarian assistance to the Afghan people and developing trade and economic cooperation with Afghanistan which positively impacts the strengthening of security in that country,» Vassilenko said.",
    parties: ["KZ", "AF"], topics: ["afghanistan", "trade-investment"],
  },
  {
    id: "fact-002-21", kind: "statement", sourceId: S, date: d,
    text: "An EU-funded, UN-administered educational programme for Afghan women continues at Kazakh universities.",
    quote: "Currently, the implementation of the EU-funded and UN-administered educational program for Afghan women continues in the Kazakh universities.",
    parties: ["KZ", "EU", "AF"], topics: ["afghanistan", "science-education"],
  },
  {
    id: "fact-002-22", kind: "announcement", sourceId: S, meetingId: H10, date: d,
    text: "The dialogue aligned efforts and outlined priority areas of cooperation ahead of a Central Asia–EU ministerial meeting in the autumn of that year and a full-fledged Central Asia–EU summit in 2024.",
    quote: "The event allowed its participants to align efforts and outline the most important areas of cooperation on the eve of the Central Asia - EU Ministerial Meeting in the autumn of this year and a full-fledged CA-EU Summit in 2024.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
];

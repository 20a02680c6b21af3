import type { SeedFact } from "../types";
import { dates } from "./sources";

/** Source 000: the 16th EU–Central Asia ministerial, held online on 17 November 2020. */
const S = "src-000";
const M16 = "mtg-eu-ca-ministerial-16";
const CA_EU = ["KZ", "KG", "TJ", "TM", "UZ", "EU"];

export const facts000: SeedFact[] = [
  {
    id: "fact-000-01", kind: "outcome", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "At the 16th EU–Central Asia ministerial meeting, the European Union and the Central Asian countries reaffirmed their commitment to forging closer ties.",
    quote: "the 16th EU-Central Asia ministerial meeting held Nov. 17, where European Union and Central Asian countries reaffirmed their commitment to forging closer ties",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
  {
    id: "fact-000-02", kind: "statement", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The participants in the 16th ministerial discussed the consequences of the Covid-19 pandemic for the region.",
    quote: "The meeting participants discussed the consequences stemming from the Covid-19 pandemic for the region",
    parties: CA_EU, topics: ["health"],
  },
  {
    id: "fact-000-03", kind: "commitment", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The participants stressed their readiness to work together to promote resilience, prosperity and a green, sustainable and inclusive post-Covid recovery.",
    quote: "stressed their readiness to work together to promote resilience, prosperity and a green, sustainable and inclusive post-Covid recovery",
    parties: CA_EU, topics: ["health", "water-climate-environment", "regional-cooperation"],
  },
  {
    id: "fact-000-04", kind: "commitment", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The EU diplomats said the EU is ready to partner with the countries in carrying out reforms, in integrating into the global trade network and in closer regional cooperation.",
    quote: "The EU diplomats said they are ready to partner with countries in carrying out reforms, facilitating their integration into the global trade network and closer regional cooperation.",
    parties: CA_EU, topics: ["trade-investment", "regional-cooperation"],
  },
  {
    id: "fact-000-05", kind: "statement", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The EU commended initiatives for closer regional cooperation in Central Asia, including on border management, trade, people-to-people contacts and hydropower management.",
    quote: "The EU also commended the initiatives aimed at promoting closer regional cooperation in Central Asia, including border management, trade, people-to-people contacts and hydropower management.",
    parties: CA_EU,
    topics: ["regional-cooperation", "migration-borders", "trade-investment", "visas-people", "water-climate-environment"],
  },
  {
    id: "fact-000-06", kind: "statement", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The EU praised the regional solidarity and support in Central Asia during the pandemic.",
    quote: "It also praised the regional solidarity and support during the pandemic.",
    parties: CA_EU, topics: ["health", "regional-cooperation"],
  },
  {
    id: "fact-000-07", kind: "announcement", sourceId: S, date: dates.aidPledge2020,
    text: "The Kazakh government said Kazakhstan will provide Kyrgyzstan, on behalf of President Kassym-Jomart Tokayev, with 400 sets of mobile medical ventilators for intensive care units and two million medical masks made by Kazakh enterprises, as part of the fight against coronavirus.",
    quote: "The Kazakh government recently said the country will provide Kyrgyzstan with 400 sets of mobile medical ventilators for intensive care units and two million medical masks produced at Kazakh enterprises on behalf of Kazakh President Kassym-Jomart Tokayev as part of the fight against coronavirus.",
    parties: ["KZ", "KG"], topics: ["health", "regional-cooperation"],
  },
  {
    id: "fact-000-08", kind: "figure", sourceId: S, date: dates.aidPledge2020,
    text: "Kazakhstan pledged 400 sets of mobile medical ventilators for intensive care units to Kyrgyzstan.",
    quote: "the country will provide Kyrgyzstan with 400 sets of mobile medical ventilators for intensive care units",
    parties: ["KZ", "KG"], topics: ["health"],
    figure: { metricKey: "aid-ventilators:KZ-KG", value: 400, unit: "ventilator sets", periodLabel: "pledged in 2020 (year inferred)" },
  },
  {
    id: "fact-000-09", kind: "figure", sourceId: S, date: dates.aidPledge2020,
    text: "Kazakhstan pledged two million medical masks produced at Kazakh enterprises to Kyrgyzstan.",
    quote: "two million medical masks produced at Kazakh enterprises",
    parties: ["KZ", "KG"], topics: ["health"],
    figure: { metricKey: "aid-masks:KZ-KG", value: 2, unit: "million medical masks", periodLabel: "pledged in 2020 (year inferred)" },
  },
  {
    id: "fact-000-10", kind: "statement", sourceId: S, date: dates.covidFirstMonths2020,
    text: "Kazakhstan provided humanitarian aid to Afghanistan, Kyrgyzstan and Tajikistan in the first months after the Covid-19 outbreak.",
    quote: "Kazakhstan rendered humanitarian aid to Afghanistan, Kyrgyzstan and Tajikistan in the first months after the Covid-19 outbreak.",
    parties: ["KZ", "AF", "KG", "TJ"], topics: ["health", "afghanistan", "regional-cooperation"],
  },
  {
    id: "fact-000-11", kind: "statement", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The meeting focused on the key role of science, technology and innovation in economic diversification, productivity, competitiveness and Central Asia's greater integration in the global economy.",
    quote: "The meeting also focused on the key role of science, technology and innovations in facilitating economic diversification, boosting productivity and competitiveness and Central Asia’s greater integration in the global economy.",
    parties: CA_EU, topics: ["science-education", "trade-investment"],
  },
  {
    id: "fact-000-12", kind: "statement", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "Increased cooperation in transport, infrastructure and digital technologies, to promote greater connectivity between Europe and Asia, was discussed.",
    quote: "Increased cooperation in transportation, infrastructure and digital technologies to promote greater connectivity between Europe and Asia was also discussed during the meeting.",
    parties: CA_EU, topics: ["transport-connectivity", "digitalisation"],
  },
  {
    id: "fact-000-13", kind: "commitment", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The participants expressed their determination to organise the first EU–Central Asia Economic Forum in Bishkek in 2021.",
    quote: "The participants expressed their determination to organize the first EU and Central Asia Economic Forum in Bishkek in 2021",
    parties: CA_EU, topics: ["trade-investment", "regional-cooperation"],
  },
  {
    id: "fact-000-14", kind: "statement", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The participants welcomed Uzbekistan's initiative to organise an EU–Central Asia tourism forum.",
    quote: "welcomed Uzbekistan’s initiative to organize the EU and Central Asia tourism forum",
    parties: CA_EU, topics: ["visas-people", "regional-cooperation"],
  },
  {
    id: "fact-000-15", kind: "announcement", sourceId: S, meetingId: M16, date: dates.ministerial16,
    text: "The next EU–Central Asia ministerial meeting is to take place the following year in Dushanbe.",
    quote: "The next ministerial meeting will take place next year in Dushanbe.",
    parties: CA_EU, topics: ["regional-cooperation"],
  },
];

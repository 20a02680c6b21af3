import type { SeedParty, SeedTopic } from "../types";

export const parties: SeedParty[] = [
  { id: "KZ", name: "Kazakhstan", kind: "country", isoCode: "KZ", aliases: ["Kazakh", "Kazakhstani"] },
  { id: "KG", name: "Kyrgyzstan", kind: "country", isoCode: "KG", aliases: ["Kyrgyz"] },
  { id: "TJ", name: "Tajikistan", kind: "country", isoCode: "TJ", aliases: ["Tajik"] },
  { id: "TM", name: "Turkmenistan", kind: "country", isoCode: "TM", aliases: ["Turkmen"] },
  { id: "UZ", name: "Uzbekistan", kind: "country", isoCode: "UZ", aliases: ["Uzbek"] },
  { id: "AF", name: "Afghanistan", kind: "country", isoCode: "AF", aliases: ["Afghan"] },
  { id: "EU", name: "European Union", kind: "organisation", isoCode: "EU", aliases: ["EU", "European"] },
];

/** The subjects the five articles really cover, in the order a briefing usually takes them. */
export const topics: SeedTopic[] = [
  { id: "regional-cooperation", name: "Regional cooperation", description: "The EU–Central Asia format: ministerials, summits, dialogues, strategy.", sortOrder: 1 },
  { id: "trade-investment", name: "Trade and investment", description: "Trade turnover, investment, economic forums, business ties.", sortOrder: 2 },
  { id: "transport-connectivity", name: "Transport and connectivity", description: "Trans-Caspian route, infrastructure, logistics.", sortOrder: 3 },
  { id: "energy-raw-materials", name: "Energy and raw materials", description: "Energy, rare earth metals, raw-material processing.", sortOrder: 4 },
  { id: "security", name: "Security, extremism and drugs", description: "Common security challenges, terrorism, extremism, drug trafficking, law enforcement.", sortOrder: 5 },
  { id: "afghanistan", name: "Afghanistan", description: "The situation in Afghanistan, aid and cooperation.", sortOrder: 6 },
  { id: "migration-borders", name: "Migration and borders", description: "Border management, illegal migration.", sortOrder: 7 },
  { id: "water-climate-environment", name: "Water, climate and environment", description: "Water security and management, climate change, green transition.", sortOrder: 8 },
  { id: "digitalisation", name: "Digitalisation", description: "Digital technologies and digital cooperation.", sortOrder: 9 },
  { id: "science-education", name: "Science, education and innovation", description: "Science, technology, innovation, education programmes.", sortOrder: 10 },
  { id: "health", name: "Health and Covid-19", description: "The pandemic, recovery, medical aid.", sortOrder: 11 },
  { id: "visas-people", name: "Visas and people-to-people contacts", description: "Visa facilitation, tourism, people-to-people contacts.", sortOrder: 12 },
];

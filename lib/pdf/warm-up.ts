import type { BriefingDocument, DocFact } from "../briefing/document";

const fact = (id: string, text: string): DocFact => ({
  id,
  text,
  date: "12 Mar 2025",
  dated: false,
  kind: "statement",
  meeting: "Warm-up meeting",
  note: "Warm-up note.",
  citation: { number: 1 },
});

/**
 * A small briefing that touches every section, both weights, italics, Cyrillic and the
 * stamped numbers. Each render thread prints it once when it starts (PdfPoolOptions.warmUp),
 * so fonts are parsed and the code is compiled before the first real download, instead of
 * during it. Never shown to anyone.
 */
export const WARM_UP_DOCUMENT: BriefingDocument = {
  briefingId: null,
  title: "Warm-up briefing",
  country: { id: "warm-up", name: "Warm-up" },
  status: "draft",
  revision: 1,
  marking: "OFFICIAL",
  preparedBy: "Chancery",
  preparedOn: "2026-01-01",
  clearance: null,
  purpose: "Loads fonts and code before the first real briefing is printed.",
  occasion: {
    meeting: "Talks",
    date: "2 Dec 2026",
    place: "Astana",
    counterpart: "Counterpart",
    principal: "Principal",
  },
  keyMessages: ["First message.", "Second message — with “quotes” and «guillemets»."],
  background: "Background paragraph.\n\nПереговоры в Астане.",
  keyFigures: [
    {
      metricKey: "trade",
      label: "Trade turnover",
      period: "2024",
      disagreement: false,
      values: [
        { value: 1, unit: "billion", currency: "USD", display: "USD 1 billion", factId: "w1", citation: { number: 1 } },
      ],
    },
  ],
  sections: [
    {
      topicId: "warm-up",
      title: "Warm-up topic",
      facts: [
        fact("w1", "The two sides agreed to deepen cooperation."),
        fact("w2", "Стороны договорились углубить сотрудничество."),
      ],
    },
  ],
  timeline: [
    {
      meetingId: "m",
      date: "12 Mar 2025",
      name: "Warm-up meeting",
      place: "Brussels",
      format: "ministerial",
      mode: "in person",
      status: "held",
      leaders: [{ party: "Warm-up", name: "A. Person", title: "Minister" }],
      citations: [{ number: 1 }],
    },
  ],
  lastMet: "Last met: Warm-up meeting, Brussels, 12 Mar 2025",
  whosWho: [
    {
      personId: "p",
      name: "A. Person",
      party: "Warm-up",
      title: "Minister",
      asOf: "12 Mar 2025",
      earlier: [{ title: "Ambassador", asOf: "2021" }],
    },
  ],
  forthcoming: [],
  unconfirmed: [],
  sources: [
    {
      number: 1,
      sourceId: "s",
      publisher: "Publisher",
      title: "Press release",
      date: "12 Mar 2025",
      url: "https://example.org/press",
    },
  ],
};

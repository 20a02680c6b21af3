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

// Words and letters a briefing prints: Latin with accents, Cyrillic, digits, typographic
// punctuation, in the three faces the sections use, so the fonts' glyphs are parsed and the
// shaping code is compiled before the first real download.
const WARM_UP_SENTENCES = [
  "The two sides agreed to deepen cooperation on sustainable raw materials, batteries and renewable hydrogen.",
  "Ministers reviewed progress on the Trans-Caspian International Transport Route and the Global Gateway package.",
  "The delegation raised the cases of detained journalists and asked for access to the trials — “without delay”.",
  "Bilateral trade grew for the third consecutive year (EUR 49.7 billion in 2024), driven by oil exports.",
  "Стороны договорились углубить сотрудничество в области энергетики и транспорта; «Астана» — 12 %.",
  "Ça été signé à Genève: Zürich, Kraków, São Paulo, Øresund, Đakovo, Ŝtelo; ½ ¼ € £ ¥ § ¶ † ‡ • … ‘’ ‚ „ ‹ ›.",
];

const warmFact = (round: number, i: number): DocFact => ({
  id: `warm-${round}-${i}`,
  text: `${WARM_UP_SENTENCES[i % WARM_UP_SENTENCES.length]} ${round}-${i}`,
  date: `${(i % 28) + 1} Nov ${2018 + (i % 8)}`,
  dated: i % 3 === 0,
  kind: "statement",
  meeting: i % 3 === 0 ? "20th EU–Central Asia Ministerial Meeting" : null,
  note: i % 4 === 1 ? "Reported by one source only." : null,
  citation: { number: (i % 12) + 1 },
});

/**
 * A briefing of about ten pages with every section long enough to paginate (tables that run
 * over a page with their repeated header rows, topics over several pages): what a render
 * thread prints a few times when it starts (render-worker.ts), so that V8 has compiled the
 * code paths a real briefing takes and the first download is not several times slower than
 * the next ones. `round` varies the text a little, as real briefings vary. Never shown to anyone.
 */
export function warmUpBriefing(round: number): BriefingDocument {
  const base = WARM_UP_DOCUMENT;
  return {
    ...base,
    title: `Warm-up briefing ${round}`,
    keyMessages: WARM_UP_SENTENCES.slice(0, 4),
    background: WARM_UP_SENTENCES.join("\n\n"),
    keyFigures: Array.from({ length: 4 }, (_, i) => ({
      ...base.keyFigures[0],
      metricKey: `metric-${i}`,
      label: `Trade turnover ${i}`,
      disagreement: i === 0,
      values: [
        ...base.keyFigures[0].values,
        ...(i === 0 ? [{ ...base.keyFigures[0].values[0], display: "USD 2 billion", factId: "w2" }] : []),
      ],
    })),
    sections: ["Trade", "Energy", "Security", "Human rights", "Connectivity"].map((title, t) => ({
      topicId: `warm-up-${t}`,
      title,
      facts: Array.from({ length: 14 }, (_, i) => warmFact(round, t * 14 + i)),
    })),
    timeline: Array.from({ length: 40 }, (_, i) => ({ ...base.timeline[0], meetingId: `m${i}`, name: `Meeting ${i}` })),
    whosWho: Array.from({ length: 12 }, (_, i) => ({ ...base.whosWho[0], personId: `p${i}`, name: `Person ${i}` })),
    forthcoming: [
      {
        meetingId: "f",
        date: "12 Mar 2027",
        name: "Summit",
        place: "Samarkand",
        status: "announced",
        citations: [{ number: 1 }],
      },
    ],
    sources: Array.from({ length: 12 }, (_, i) => ({ ...base.sources[0], number: i + 1, sourceId: `s${i}` })),
  };
}

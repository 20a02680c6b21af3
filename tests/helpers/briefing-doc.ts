import type { BriefingDocument, DocFact, DocSection, DocSource } from "@/lib/briefing/document";

/** The exact line the Unicode round-trip test looks for; the first letter is CYRILLIC Р (U+0420). */
export const UNICODE_PROBE = "\u0420articipants «Kazakhstan» – Astana — “quoted”";
export const SCRIPT_PROBE = "<script>alert(1)</script>";

export interface BriefingDocOptions {
  /** Multiplies the number of facts per topic; 1 gives a briefing of about 5 pages. */
  scale?: number;
  status?: "draft" | "final";
  sourceCount?: number;
  clearance?: { clearedBy: string; clearedOn: string } | null;
}

const TOPICS = [
  ["trade-investment", "Trade and investment"],
  ["energy", "Energy and critical raw materials"],
  ["security", "Regional security"],
  ["human-rights", "Human rights and governance"],
  ["connectivity", "Transport and connectivity"],
] as const;

// Uneven on purpose: one long section, one short, so sections start mid-page and on new pages.
const FACTS_PER_TOPIC = [9, 2, 6, 4, 3];

const SENTENCES = [
  "The two sides agreed to deepen cooperation on sustainable raw materials, batteries and renewable hydrogen under the strategic partnership signed in Brussels.",
  "Ministers reviewed progress on the Trans-Caspian International Transport Route and the Global Gateway investment package announced at the summit.",
  "The delegation raised the cases of detained journalists and asked for access to the trials.",
  "Bilateral trade grew for the third consecutive year, driven by oil exports and machinery imports.",
];

function sourceFor(n: number): DocSource {
  return {
    number: n,
    sourceId: `src-${n}`,
    publisher:
      n % 3 === 0 ? "Akorda press service" : n % 3 === 1 ? "European External Action Service" : "Council of the EU",
    title: `Press release ${n}: joint statement following the meeting`,
    date: `${(n % 27) + 1} Mar 2025`,
    url: n % 4 === 0 ? null : `https://example.org/press/${n}`,
  };
}

function factFor(topic: string, i: number, sourceCount: number): DocFact {
  // The Unicode probe is a fact of its own so it prints on one line and pdftotext returns it whole.
  const text =
    topic === "trade-investment" && i === 1
      ? UNICODE_PROBE
      : topic === "security" && i === 0
        ? `${SENTENCES[0]} ${SCRIPT_PROBE}`
        : SENTENCES[i % SENTENCES.length];
  return {
    id: `${topic}-${i}`,
    text,
    date: `${(i % 28) + 1} Nov ${2018 + (i % 8)}`,
    dated: 2018 + (i % 8) < 2022,
    kind: "statement",
    meeting: i % 3 === 0 ? "20th EU–Central Asia Ministerial Meeting" : null,
    note: i % 4 === 1 ? "Reported by one source only." : null,
    citation: { number: (i % sourceCount) + 1 },
  };
}

/** A realistic synthetic briefing for PDF tests and the benchmark. */
export function makeBriefingDoc(options: BriefingDocOptions = {}): BriefingDocument {
  const scale = options.scale ?? 1;
  const sourceCount = options.sourceCount ?? 12;
  const sections: DocSection[] = TOPICS.map(([topicId, title], t) => ({
    topicId,
    title,
    facts: Array.from({ length: Math.max(1, Math.round(FACTS_PER_TOPIC[t] * scale)) }, (_, i) =>
      factFor(topicId, i, sourceCount),
    ),
  }));
  const cite = (n: number) => ({ number: ((n - 1) % sourceCount) + 1 });
  return {
    briefingId: "b-test",
    title: "Kazakhstan: Foreign Minister's visit to Astana",
    country: { id: "kz", name: "Kazakhstan" },
    status: options.status ?? "draft",
    revision: 3,
    marking: "OFFICIAL-SENSITIVE",
    preparedBy: "Central Asia Desk",
    preparedOn: "2026-11-20",
    clearance: options.clearance ?? null,
    purpose: "To brief the Minister ahead of bilateral talks with the Kazakh Foreign Minister.",
    occasion: {
      meeting: "Bilateral talks",
      date: "2 Dec 2026",
      place: "Astana",
      counterpart: "Minister of Foreign Affairs of Kazakhstan",
      principal: "Foreign Minister",
    },
    keyMessages: [
      "Welcome the progress on critical raw materials.",
      "Press for transport connectivity funding to be used.",
      "Raise the human rights cases privately.",
    ],
    background:
      "Kazakhstan is the EU's largest trading partner in Central Asia.\n\nRelations are governed by the Enhanced Partnership and Cooperation Agreement, in force since 2020.",
    keyFigures: [
      {
        metricKey: "trade",
        label: "Trade turnover, Kazakhstan–EU",
        period: "2024",
        disagreement: true,
        values: [
          {
            value: 49.7,
            unit: "billion",
            currency: "USD",
            display: "USD 49.7 billion",
            factId: "f1",
            citation: cite(2),
          },
          {
            value: 47.1,
            unit: "billion",
            currency: "USD",
            display: "USD 47.1 billion",
            factId: "f2",
            citation: cite(5),
          },
        ],
      },
      {
        metricKey: "fdi",
        label: "EU foreign direct investment stock",
        period: "2023",
        disagreement: false,
        values: [
          { value: 100, unit: "billion", currency: "EUR", display: "EUR 100 billion", factId: "f3", citation: cite(3) },
        ],
      },
    ],
    sections,
    timeline: Array.from({ length: Math.max(3, Math.round(6 * scale)) }, (_, i) => ({
      meetingId: `m-${i}`,
      date: `${(i % 27) + 1} Mar ${2015 + (i % 11)}`,
      name: `${i + 1}th EU–Central Asia Ministerial Meeting`,
      place: i % 2 ? "Astana" : "Brussels",
      format: "ministerial",
      mode: "in person",
      status: "held",
      leaders: [{ party: "Kazakhstan", name: "Murat Nurtleu", title: "Minister of Foreign Affairs" }],
      citations: [cite(i + 1)],
    })),
    lastMet: "20th EU–Central Asia Ministerial Meeting, Ashgabat, 27 Mar 2025",
    whosWho: Array.from({ length: Math.max(2, Math.round(4 * scale)) }, (_, i) => ({
      personId: `p-${i}`,
      name: `Person ${i + 1} Tokayev`,
      party: "Kazakhstan",
      title: "Deputy Minister",
      asOf: "12 Jan 2025",
      earlier: i % 2 ? [{ title: "Ambassador to Belgium", asOf: "3 Feb 2021" }] : [],
    })),
    forthcoming: [
      {
        meetingId: "m-f",
        date: "2 Dec 2026",
        name: "Bilateral talks",
        place: "Astana",
        status: "announced",
        citations: [cite(7)],
      },
    ],
    unconfirmed: [
      {
        meetingId: "m-u",
        date: "spring 2026",
        name: "Investment forum",
        place: null,
        status: "announced",
        citations: [cite(8)],
      },
    ],
    sources: Array.from({ length: sourceCount }, (_, i) => sourceFor(i + 1)),
  };
}

/**
 * `doc` with one more fact second in its first section, citing a source no fact cited before:
 * numbered by first citation, the new source takes number 2 and every later citation's number
 * moves up by one — the edit that renumbers the briefing after it (issue 18).
 */
export function withNewlyCitedSource(doc: BriefingDocument): BriefingDocument {
  const shift = (c: { number: number }) => ({ number: c.number >= 2 ? c.number + 1 : c.number });
  const moved = structuredClone(doc);
  moved.sections.forEach((s) => s.facts.forEach((f) => (f.citation = shift(f.citation))));
  moved.keyFigures.forEach((k) => k.values.forEach((v) => (v.citation = shift(v.citation))));
  moved.timeline.forEach((t) => (t.citations = t.citations.map(shift)));
  [...moved.forthcoming, ...moved.unconfirmed].forEach((e) => (e.citations = e.citations.map(shift)));
  const [first] = moved.sections;
  first.facts.splice(1, 0, {
    ...first.facts[0],
    id: `${first.facts[0].id}-added`,
    text: "The President received the delegation and endorsed the roadmap on critical raw materials.",
    citation: { number: 2 },
  });
  moved.sources = [
    ...moved.sources.slice(0, 1),
    { ...moved.sources[0], number: 2, sourceId: "src-new", title: "A newly cited source" },
    ...moved.sources.slice(1).map((s) => ({ ...s, number: s.number + 1 })),
  ];
  return moved;
}

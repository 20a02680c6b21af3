import { documentOutline, type BriefingDocument, type EventEntry } from "../lib/briefing/document";
import { citationLabel } from "../lib/pdf/base-styles";

/** One printed line or paragraph of a baseline: a heading or body text. */
export interface TextBlock {
  heading: boolean;
  text: string;
}

const cite = (numbers: { number: number }[]) => citationLabel(numbers.map((c) => c.number));
const events = (title: string, list: EventEntry[]): TextBlock[] => [
  { heading: false, text: title },
  ...list.map((e) => ({
    heading: false,
    text: `${e.date} — ${e.name}${e.place ? `, ${e.place}` : ""} (${e.status}) ${cite(e.citations)}`,
  })),
];

/**
 * Every text our PDF prints, in order, for the baselines to lay out: the cover, the contents,
 * each section (tables as lines), the same facts, notes and citations. The running chrome is
 * added per page by each baseline (runningChrome).
 */
export function briefingBlocks(doc: BriefingDocument): TextBlock[] {
  const body = (text: string): TextBlock => ({ heading: false, text });
  const heading = (text: string): TextBlock => ({ heading: true, text });
  const outline = documentOutline(doc);
  const status = doc.status === "final" ? "Final" : "Draft";
  return [
    body(doc.marking),
    body("Country briefing"),
    heading(doc.title),
    body(doc.purpose),
    body(`Country ${doc.country.name}`),
    body(`Prepared by ${doc.preparedBy}`),
    body(`Date ${doc.preparedOn}`),
    body(`Status ${status}, revision ${doc.revision}`),
    body(`${status.toUpperCase()} — REVISION ${doc.revision}`),
    heading("Contents"),
    ...outline.map((e) => body(e.title)),
    heading(outline[0].title),
    ...Object.entries(doc.occasion).map(([label, value]) => body(`${label} ${value ?? "—"}`)),
    ...(doc.lastMet ? [body(doc.lastMet)] : []),
    heading("Key messages"),
    ...doc.keyMessages.map((m, i) => body(`${i + 1}. ${m}`)),
    heading("Background"),
    ...doc.background.split(/\n\s*\n/).map(body),
    heading("Key figures"),
    body("Metric Period Value"),
    ...doc.keyFigures.map((f) =>
      body(
        `${f.label} ${f.period} ${f.values.map((v) => `${v.display} ${cite([v.citation])}`).join(" ")}${f.disagreement ? " Note: the sources disagree on this figure." : ""}`,
      ),
    ),
    ...doc.sections.flatMap((s) => [
      heading(s.title),
      ...s.facts.flatMap((f) => [
        body(`${f.date}${f.dated ? " (dated)" : ""} — ${f.text} ${cite([f.citation])}`),
        ...(f.meeting ? [body(`Meeting: ${f.meeting}`)] : []),
        ...(f.note ? [body(`Note: ${f.note}`)] : []),
      ]),
    ]),
    heading("Meeting timeline"),
    body("Date Meeting Place Format Leaders"),
    ...doc.timeline.map((t) =>
      body(
        `${t.date} ${t.name} ${cite(t.citations)} ${t.place ?? "—"} ${t.format}, ${t.mode}; ${t.status} ${t.leaders.map((l) => `${l.name ?? "—"} (${l.title}, ${l.party})`).join("; ")}`,
      ),
    ),
    heading("Who's who"),
    ...doc.whosWho.flatMap((w) => [
      body(`${w.name} (${w.party}) — ${w.title}, as of ${w.asOf}`),
      ...(w.earlier.length > 0 ? [body(`Earlier: ${w.earlier.map((e) => `${e.title} (${e.asOf})`).join("; ")}`)] : []),
    ]),
    heading("Forthcoming and unconfirmed events"),
    ...events("Forthcoming", doc.forthcoming),
    ...events("Unconfirmed", doc.unconfirmed),
    heading("Sources"),
    ...doc.sources.map((s) => body(`[${s.number}] ${s.publisher}. ${s.title}. ${s.date}.${s.url ? ` ${s.url}` : ""}`)),
  ];
}

/** The running header and footer lines of one page, as our PDF prints them. */
export function runningChrome(doc: BriefingDocument, page: number, total: number) {
  return { top: [doc.marking, doc.title], bottom: [doc.marking, `${doc.country.name}    Page ${page} of ${total}`] };
}

import type { Source } from "@/db/schema";
import { formatDateSpan } from "@/lib/dates/date-span";

/** Sources may lack a publisher or a headline; say so rather than invent one. */
export function sourcePublisher(s: Pick<Source, "publisher">): string {
  return s.publisher ?? "Publisher not named";
}

export function sourceTitle(s: Pick<Source, "title">): string {
  return s.title ?? "Untitled article";
}

/** "Kazinform: Central Asia - European Union High-level …" — how a fact's source is named in lists. */
export function sourceLabel(s: Pick<Source, "publisher" | "title">): string {
  return s.title ? `${sourcePublisher(s)}: ${s.title}` : sourcePublisher(s);
}

export function sourceDate(
  s: Pick<Source, "publishedStart" | "publishedEnd" | "publishedPrecision" | "publishedInferred">,
): string {
  return formatDateSpan({
    start: s.publishedStart,
    end: s.publishedEnd,
    precision: s.publishedPrecision,
    inferred: s.publishedInferred,
  });
}

/** Words a metric key spells in lower case that a reader knows as acronyms. */
const ACRONYMS = new Set([
  "fdi",
  "gdp",
  "oda",
  "eu",
  "un",
  "ca",
  "kz",
  "kg",
  "tj",
  "tm",
  "uz",
  "af",
  "usd",
  "eur",
  "eib",
  "ebrd",
]);

/** "trade-turnover:KZ-EU" → "Trade turnover, KZ–EU"; "fdi-gross-inflow:EU-KZ" → "FDI gross inflow, EU–KZ". */
export function metricLabel(metricKey: string): string {
  const [measure, between] = metricKey.split(":");
  const words = measure.split("-").map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w));
  const name = words.join(" ");
  const label = name.charAt(0).toUpperCase() + name.slice(1);
  return between ? `${label}, ${between.replace(/-/g, "–")}` : label;
}

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
/** "USD 49.7 billion", "400 ventilator sets", "about EUR 105 billion" (the source's approximation kept). */
export function figureDisplay(f: {
  value: number;
  unit: string;
  currency: string | null;
  approximate?: boolean;
}): string {
  return [f.approximate ? "about" : null, f.currency, NUMBER.format(f.value), f.unit].filter(Boolean).join(" ");
}

/** What a key-figure row says under its values after "Note: ", or null: the same words in preview and PDF. */
export function keyFigureNote(f: { disagreement: boolean; values: { preferred?: boolean }[] }): string | null {
  if (!f.disagreement) return null;
  return f.values.some((v) => v.preferred)
    ? "other values exist; the preferred one is shown first."
    : "the sources disagree on this figure.";
}

/**
 * A participant as printed: "Minister of Foreign Affairs (Tajikistan)" for one the source does
 * not name, "Mukhtar Tileuberdi, Minister of Foreign Affairs (Kazakhstan)" for one it does. The
 * country is said once: a title ending "of <party>" loses that ending, and a title that still
 * names the party ("Ambassador of Turkmenistan in Astana") gets no bracket.
 */
export function participantLabel(p: { name: string | null; title: string; party: string }): string {
  const title = titleWithoutParty(p.title, p.party);
  const who = title.includes(p.party) ? title : `${title} (${p.party})`;
  return p.name ? `${p.name}, ${who}` : who;
}

/** "Minister of Foreign Affairs of Kazakhstan" → "Minister of Foreign Affairs" (party "Kazakhstan"). */
export function titleWithoutParty(title: string, party: string): string {
  const ending = ` of ${party}`;
  return title.endsWith(ending) && title.length > ending.length ? title.slice(0, -ending.length) : title;
}

export const MEETING_FORMAT_LABELS: Record<string, string> = {
  ministerial: "Ministerial meeting",
  "political-security-dialogue": "Political and security dialogue",
  summit: "Summit",
  visit: "Visit",
  bilateral: "Bilateral meeting",
  forum: "Forum",
  "special-representatives": "Special representatives' meeting",
  conference: "Conference",
  "side-event": "Side event",
};

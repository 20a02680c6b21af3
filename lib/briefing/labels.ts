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

export function sourceDate(s: Pick<Source, "publishedStart" | "publishedEnd" | "publishedPrecision" | "publishedInferred">): string {
  return formatDateSpan({ start: s.publishedStart, end: s.publishedEnd, precision: s.publishedPrecision, inferred: s.publishedInferred });
}

/** "trade-turnover:KZ-EU" → "Trade turnover, KZ–EU". */
export function metricLabel(metricKey: string): string {
  const [measure, between] = metricKey.split(":");
  const name = measure.replace(/-/g, " ");
  const label = name.charAt(0).toUpperCase() + name.slice(1);
  return between ? `${label}, ${between.replace(/-/g, "–")}` : label;
}

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
/** "USD 49.7 billion", "400 ventilator sets". */
export function figureDisplay(f: { value: number; unit: string; currency: string | null }): string {
  return [f.currency, NUMBER.format(f.value), f.unit].filter(Boolean).join(" ");
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

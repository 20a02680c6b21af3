/**
 * A briefing as plain data, ready to print: what the HTML preview and the PDF both render,
 * section for section. Built from the database (or a finalised snapshot) by
 * db/queries/briefings/ (build-saved-document.ts, through buildDocument in build-document.ts);
 * renderers never query anything.
 */
import type { Marking } from "@/lib/model/handling";

/** The markings now live with the handling rules in lib/model/handling.ts; re-exported for existing callers. */
export { MARKINGS, type Marking } from "@/lib/model/handling";

export interface Citation {
  /** 1-based number of the source in `sources`. */
  number: number;
}

export interface DocFact {
  id: string;
  text: string;
  /** The date at its precision, e.g. "17 Nov 2020", "autumn 2021 (inferred)". */
  date: string;
  /** Older than the configured age (default 3 years) at the briefing's date. */
  dated: boolean;
  kind: string;
  meeting: string | null;
  note: string | null;
  citation: Citation;
}

export interface DocSection {
  topicId: string;
  title: string;
  facts: DocFact[];
}

export interface KeyFigureValue {
  value: number;
  unit: string;
  currency: string | null;
  /** "USD 49.7 billion", "about EUR 105 billion" */
  display: string;
  /** The source gives the value as an approximation ("about"). Absent in snapshots from before it existed. */
  approximate?: boolean;
  /** Marked preferred among the values for this metric and period; printed first. */
  preferred?: boolean;
  /** Marked deprecated: kept with its source, printed last. */
  deprecated?: boolean;
  factId: string;
  citation: Citation;
}

export interface KeyFigure {
  metricKey: string;
  /** "Trade turnover, Kazakhstan–EU" */
  label: string;
  period: string;
  values: KeyFigureValue[];
  /** True when the sources give different values for the same metric and period (preferred first). */
  disagreement: boolean;
}

/** Printed with participantLabel (lib/briefing/labels.ts): "Minister of Foreign Affairs (Tajikistan)". */
export interface TimelineLeader {
  party: string;
  name: string | null;
  /** The title held at the date of that meeting. */
  title: string;
}

export interface TimelineEntry {
  meetingId: string;
  date: string;
  name: string;
  place: string | null;
  format: string;
  mode: string;
  status: string;
  leaders: TimelineLeader[];
  citations: Citation[];
}

export interface WhoEntry {
  personId: string;
  name: string;
  party: string;
  /** Title at their latest appearance (without a trailing "of <party>"), and when that was. */
  title: string;
  asOf: string;
  earlier: { title: string; asOf: string }[];
}

export interface EventEntry {
  meetingId: string;
  date: string;
  name: string;
  place: string | null;
  status: string;
  citations: Citation[];
}

export interface DocSource {
  number: number;
  sourceId: string;
  publisher: string;
  title: string;
  date: string;
  url: string | null;
}

/**
 * Which copy a document is: the briefing itself (internal), or the counterpart copy — the
 * leave-behind of releasable material only (lib/briefing/counterpart.ts). It decides the
 * outline, the cover, the marking line and the metadata, and is part of every cache key.
 */
export const DOCUMENT_VARIANTS = ["internal", "counterpart"] as const;
export type DocumentVariant = (typeof DOCUMENT_VARIANTS)[number];

export interface BriefingDocument {
  /** Absent on the internal copy (and on every snapshot stored before the counterpart copy existed). */
  variant?: DocumentVariant;
  briefingId: string | null;
  title: string;
  country: { id: string; name: string };
  status: "draft" | "final";
  revision: number;
  marking: Marking;
  preparedBy: string;
  /** ISO day the briefing is for (its "as of" date). */
  preparedOn: string;
  purpose: string;
  occasion: { meeting: string; date: string; place: string; counterpart: string; principal: string };
  keyMessages: string[];
  background: string;
  keyFigures: KeyFigure[];
  sections: DocSection[];
  timeline: TimelineEntry[];
  /** "20th EU–Central Asia Ministerial Meeting, Ashgabat, 27 Mar 2025"; printed after "Last met: ". */
  lastMet: string | null;
  whosWho: WhoEntry[];
  forthcoming: EventEntry[];
  /** Announced events that no later source confirms as held. */
  unconfirmed: EventEntry[];
  sources: DocSource[];
  /**
   * Who cleared this document and on which day (ISO): a draft whose clearance still holds, or
   * the clearance a final one was finalised with; null when not cleared. Printed on the cover
   * ("Cleared by NAME, DATE") and in the PDF's metadata. Snapshots finalised before clearance
   * existed lack it: read them with `withClearance`.
   */
  clearance: DocClearance | null;
  /**
   * How many facts of the briefing are left out of this reader's copy, being marked above their
   * clearance level (issue 16); absent or 0 when none. Printed as one line (withheldLine), never
   * anything of them.
   */
  withheld?: number;
}

/** "2 items are not shown: marked above your clearance level.", or null when nothing is withheld. */
export function withheldLine(doc: Pick<BriefingDocument, "withheld">): string | null {
  const n = doc.withheld ?? 0;
  if (n === 0) return null;
  return `${n} ${n === 1 ? "item is" : "items are"} not shown: marked above your clearance level.`;
}

export interface DocClearance {
  clearedBy: string;
  /** ISO day of the approval. */
  clearedOn: string;
}

/** A stored document with `clearance` filled in (null) when it was stored before clearance existed. */
export function withClearance(doc: BriefingDocument): BriefingDocument {
  return doc.clearance === undefined ? { ...doc, clearance: null } : doc;
}

/** The copy a document is (internal when it does not say). */
export function documentVariant(doc: Pick<BriefingDocument, "variant">): DocumentVariant {
  return doc.variant ?? "internal";
}

/**
 * The marking as every page prints it: the internal copy's marking, or the counterpart copy's
 * with the descriptor saying whom it is for ("OFFICIAL — RELEASABLE TO KAZAKHSTAN").
 */
export function markingLine(doc: Pick<BriefingDocument, "variant" | "marking" | "country">): string {
  return documentVariant(doc) === "counterpart"
    ? `${doc.marking} — RELEASABLE TO ${doc.country.name.toUpperCase()}`
    : doc.marking;
}

/** "Cleared by NAME, DATE", as the cover, the preview and the PDF metadata say it; null when not cleared. */
export function clearanceLine(doc: Pick<BriefingDocument, "clearance">): string | null {
  return doc.clearance ? `Cleared by ${doc.clearance.clearedBy}, ${doc.clearance.clearedOn}` : null;
}

export interface OutlineEntry {
  /** Stable anchor id: "occasion", "key-messages", "topic-trade-investment", … */
  id: string;
  title: string;
}

/**
 * The sections of a briefing in print order — the one list the preview, the PDF's contents
 * page and its bookmarks all follow, so they can never disagree.
 */
export function documentOutline(doc: BriefingDocument): OutlineEntry[] {
  const topics = doc.sections.map((s) => ({ id: `topic-${s.topicId}`, title: s.title }));
  // The counterpart copy has no occasion (the owner's notes on the meeting), key messages or
  // background: only the releasable facts and what they and the releasable meetings give.
  if (documentVariant(doc) === "counterpart")
    return [
      { id: "key-figures", title: "Key figures" },
      ...topics,
      { id: "timeline", title: "Meeting timeline" },
      { id: "whos-who", title: "Who's who" },
      { id: "events", title: "Forthcoming and unconfirmed events" },
      { id: "sources", title: "Sources" },
    ];
  return [
    { id: "occasion", title: "The occasion" },
    { id: "key-messages", title: "Key messages" },
    { id: "background", title: "Background" },
    { id: "key-figures", title: "Key figures" },
    ...topics,
    { id: "timeline", title: "Meeting timeline" },
    { id: "whos-who", title: "Who's who" },
    { id: "events", title: "Forthcoming and unconfirmed events" },
    { id: "sources", title: "Sources" },
  ];
}

/** What finalising freezes: the document, and each fact as it was, to tell later what changed. */
export interface BriefingSnapshot {
  document: BriefingDocument;
  /** The clearance request the briefing was finalised under (absent when it was not cleared). */
  clearanceRequestId?: string;
  /** The highest marking of its included facts when finalised (absent in snapshots from before handling). */
  minimumMarking?: Marking;
  /** `marking`: the fact's when finalised (absent in snapshots from before handling). */
  facts: Record<string, { version: number; text: string; updatedAt: string; marking?: Marking }>;
}

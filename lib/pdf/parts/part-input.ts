import {
  documentOutline,
  documentVariant,
  type BriefingDocument,
  type Citation,
  type DocSection,
  type DocSource,
  type EventEntry,
  type KeyFigure,
  type OutlineEntry,
  type DocumentVariant,
  type TimelineEntry,
  type WhoEntry,
} from "../../briefing/document";
import { citationDigits } from "../citation";
import type { PartPlan } from "./plan";

/** What one section of a part prints: exactly the fields of the document its component reads. */
export type SliceContent =
  | { id: "occasion"; occasion: BriefingDocument["occasion"]; lastMet: string | null }
  | { id: "key-messages"; messages: string[] }
  | { id: "background"; text: string }
  | { id: "key-figures"; figures: KeyFigure[] }
  | { id: "timeline"; entries: TimelineEntry[] }
  | { id: "whos-who"; people: WhoEntry[] }
  | { id: "events"; forthcoming: EventEntry[]; unconfirmed: EventEntry[] }
  | { id: "sources"; sources: DocSource[] }
  | { id: "topic"; section: DocSection };

export interface SliceInput {
  entry: OutlineEntry;
  continued: boolean;
  content: SliceContent;
}

/**
 * What the cover prints. The counterpart copy's cover prints no purpose, "Prepared by",
 * clearance or withheld count (sections/cover.tsx), so its input holds none of them: blank,
 * whatever the document says, and the cover can print nothing the input lacks.
 */
export type CoverInput = Pick<
  BriefingDocument,
  "title" | "marking" | "purpose" | "country" | "preparedBy" | "preparedOn" | "status" | "revision" | "clearance"
> & { variant: DocumentVariant; withheld: number };

/**
 * Everything a part renders, and nothing else: the part is rendered from this alone (in a
 * worker thread), and the part cache's key is its hash — so a cached part can only be served
 * to a document that produced the same input, and whatever the key leaves out cannot reach
 * the page. Every part names its copy (`variant`: internal or counterpart), even where the two
 * would print the same, so a part rendered for one copy is never served into the other; the
 * cache key names it outright too (part-cache.ts partKey). Citations carry the part's own
 * numbers (1 for the first source the part cites, and so on: localCitations), not the
 * briefing's, which the assembly stamps (citation.tsx): so a source newly cited in one part
 * does not change the input of the parts after it. `extra` carries the document's
 * fields this module does not know (a field added to the document model later), so they are
 * in every key until someone decides which parts print them.
 */
export type PartInput =
  | { kind: "cover"; variant: DocumentVariant; cover: CoverInput; extra: Record<string, unknown> }
  | {
      kind: "body";
      variant: DocumentVariant;
      contents: OutlineEntry[] | null;
      slices: SliceInput[];
      /** Width of the citation blanks, in digits (citation.tsx citationDigits). */
      citationDigits: number;
      extra: Record<string, unknown>;
    };

/** The document fields the parts and the assembly know about; any other goes into `extra`. */
const KNOWN_FIELDS = new Set<string>([
  "briefingId",
  "title",
  "country",
  "status",
  "revision",
  "marking",
  "preparedBy",
  "preparedOn",
  "purpose",
  "occasion",
  "keyMessages",
  "background",
  "keyFigures",
  "sections",
  "timeline",
  "lastMet",
  "whosWho",
  "forthcoming",
  "unconfirmed",
  "sources",
  "clearance",
  "variant",
  "withheld",
] satisfies (keyof BriefingDocument)[]);

function sliceContent(doc: BriefingDocument, entryId: string, facts?: { from: number; to: number }): SliceContent {
  switch (entryId) {
    case "occasion":
      return { id: "occasion", occasion: doc.occasion, lastMet: doc.lastMet };
    case "key-messages":
      return { id: "key-messages", messages: doc.keyMessages };
    case "background":
      return { id: "background", text: doc.background };
    case "key-figures":
      return { id: "key-figures", figures: doc.keyFigures };
    case "timeline":
      return { id: "timeline", entries: doc.timeline };
    case "whos-who":
      return { id: "whos-who", people: doc.whosWho };
    case "events":
      return { id: "events", forthcoming: doc.forthcoming, unconfirmed: doc.unconfirmed };
    case "sources":
      return { id: "sources", sources: doc.sources };
  }
  const section = doc.sections.find((s) => `topic-${s.topicId}` === entryId);
  if (!section) throw new Error(`No briefing section for outline entry "${entryId}"`);
  const printed = facts ? section.facts.slice(facts.from, facts.to) : section.facts;
  return { id: "topic", section: { ...section, facts: printed } };
}

/**
 * The slices with every citation renumbered by first citation within them (the Sources list,
 * its own part, keeps the briefing's numbers: it prints them), and the briefing's number of
 * each of the part's own: `numbers[n - 1]` is what the part's [n] stands for.
 */
export function localCitations(slices: SliceInput[]): { slices: SliceInput[]; numbers: number[] } {
  const local = new Map<number, number>();
  const numbers: number[] = [];
  const cite = ({ number }: Citation): Citation => {
    let own = local.get(number);
    if (own === undefined) {
      numbers.push(number);
      own = numbers.length;
      local.set(number, own);
    }
    return { number: own };
  };
  const content = (c: SliceContent): SliceContent => {
    switch (c.id) {
      case "topic":
        return {
          ...c,
          section: { ...c.section, facts: c.section.facts.map((f) => ({ ...f, citation: cite(f.citation) })) },
        };
      case "key-figures":
        return {
          ...c,
          figures: c.figures.map((k) => ({
            ...k,
            values: k.values.map((v) => ({ ...v, citation: cite(v.citation) })),
          })),
        };
      case "timeline":
        return { ...c, entries: c.entries.map((t) => ({ ...t, citations: t.citations.map(cite) })) };
      case "events": {
        const events = (list: EventEntry[]) => list.map((e) => ({ ...e, citations: e.citations.map(cite) }));
        return { ...c, forthcoming: events(c.forthcoming), unconfirmed: events(c.unconfirmed) };
      }
      default:
        return c;
    }
  };
  return { slices: slices.map((slice) => ({ ...slice, content: content(slice.content) })), numbers };
}

function documentSlices(doc: BriefingDocument, plan: PartPlan): SliceInput[] {
  return plan.slices.map((slice) => ({
    entry: slice.entry,
    continued: slice.continued,
    content: sliceContent(doc, slice.entry.id, slice.facts),
  }));
}

/** The briefing's source number behind each of a planned part's own citation numbers (see localCitations). */
export function partCitationNumbers(doc: BriefingDocument, plan: PartPlan): number[] {
  return plan.cover ? [] : localCitations(documentSlices(doc, plan)).numbers;
}

/** The render input of one planned part of `doc`. */
export function partInput(doc: BriefingDocument, plan: PartPlan): PartInput {
  const extra = Object.fromEntries(Object.entries(doc).filter(([field]) => !KNOWN_FIELDS.has(field)));
  const variant = documentVariant(doc);
  if (plan.cover) {
    const { title, marking, country, preparedOn, status, revision } = doc;
    const printed = { variant, title, marking, country, preparedOn, status, revision };
    const cover: CoverInput =
      variant === "counterpart"
        ? { ...printed, purpose: "", preparedBy: "", clearance: null, withheld: 0 }
        : {
            ...printed,
            purpose: doc.purpose,
            preparedBy: doc.preparedBy,
            clearance: doc.clearance,
            withheld: doc.withheld ?? 0,
          };
    return { kind: "cover", variant, cover, extra };
  }
  return {
    kind: "body",
    variant,
    contents: plan.front ? documentOutline(doc) : null,
    slices: localCitations(documentSlices(doc, plan)).slices,
    citationDigits: citationDigits(doc.sources.length),
    extra,
  };
}

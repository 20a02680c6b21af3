import type { MeetingWithPeople } from "./build-meetings";
import type { Fact, Source } from "@/db/schema";
import { formatDateSpan } from "@/lib/dates/date-span";
import type { BriefingContent } from "@/lib/validation/briefing";
import type { BriefingDocument, DocClearance, DocSection } from "./document";
import { buildEvents, buildTimeline, buildWhosWho } from "./build-meetings";
import { buildKeyFigures } from "./build-figures";
import { CitationRegistry } from "./citations";
import { sourceDate, sourcePublisher, sourceTitle } from "./labels";
import { briefingAsOf, datedBefore } from "./settings";

export interface DocumentInput {
  briefingId: string | null;
  title: string;
  country: { id: string; name: string };
  status: "draft" | "final";
  revision: number;
  preparedBy: string;
  /** ISO day the document is prepared on. */
  preparedOn: string;
  content: BriefingContent;
  /** Sections in the user's order, each with its included facts in order. */
  sections: { topicId: string; title: string; items: { fact: Fact; note: string | null }[] }[];
  meetings: MeetingWithPeople[];
  sources: Map<string, Source>;
  datedAfterYears: number;
  /** Who cleared it and when, when its clearance holds (see lib/briefing/clearance.ts); default none. */
  clearance?: DocClearance | null;
}

/**
 * Turns the facts and meetings behind a briefing into the printable document: numbered
 * citations, key figures (disagreements kept side by side), timeline with the titles held
 * at the time, who's who, events, sources. Pure: the same input gives the same document.
 */
export function buildDocument(input: DocumentInput): BriefingDocument {
  const asOf = briefingAsOf(input.content.occasion.date, input.preparedOn);
  const datedCutoff = datedBefore(asOf, input.datedAfterYears);
  const citations = new CitationRegistry();
  const meetingNames = new Map(input.meetings.map((m) => [m.id, m.name]));

  const sections: DocSection[] = input.sections.map((section) => ({
    topicId: section.topicId,
    title: section.title,
    facts: section.items.map(({ fact, note }) => ({
      id: fact.id,
      text: fact.text,
      date: formatDateSpan({
        start: fact.dateStart,
        end: fact.dateEnd,
        precision: fact.datePrecision,
        inferred: fact.dateInferred,
      }),
      dated: fact.dateEnd < datedCutoff,
      kind: fact.kind,
      meeting: fact.meetingId ? (meetingNames.get(fact.meetingId) ?? null) : null,
      note: note || null,
      citation: citations.cite(fact.sourceId),
    })),
  }));
  const allFacts = input.sections.flatMap((s) => s.items.map((i) => i.fact));
  const keyFigures = buildKeyFigures(allFacts, citations);
  const timeline = buildTimeline(input.meetings, asOf, citations);
  const { forthcoming, unconfirmed } = buildEvents(input.meetings, asOf, citations);
  const last = timeline[0];

  return {
    briefingId: input.briefingId,
    title: input.title,
    country: input.country,
    status: input.status,
    revision: input.revision,
    marking: input.content.marking,
    preparedBy: input.preparedBy,
    preparedOn: input.preparedOn,
    purpose: input.content.purpose,
    occasion: input.content.occasion,
    keyMessages: input.content.keyMessages,
    background: input.content.background,
    keyFigures,
    sections,
    timeline,
    lastMet: last ? `${last.name}${last.place ? `, ${last.place}` : ""}, ${last.date}` : null,
    whosWho: buildWhosWho(
      [...timeline.map((t) => t.meetingId), ...forthcoming.map((e) => e.meetingId)],
      input.meetings,
    ),
    forthcoming,
    unconfirmed,
    clearance: input.clearance ?? null,
    sources: citations.entries().map(({ number, sourceId }) => {
      const s = input.sources.get(sourceId);
      return {
        number,
        sourceId,
        publisher: s ? sourcePublisher(s) : "Unknown source",
        title: s ? sourceTitle(s) : sourceId,
        date: s ? sourceDate(s) : "",
        url: s?.url ?? null,
      };
    }),
  };
}

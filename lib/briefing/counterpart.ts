import type { Fact, Source } from "@/db/schema";
import { derivedMarking } from "@/lib/model/handling";
import { buildDocument } from "./build-document";
import type { MeetingWithPeople } from "./build-meetings";
import type { BriefingDocument } from "./document";

/*
 * The counterpart copy (issue 16): the leave-behind, releasable material only. It is built from
 * what the data layer loaded as releasable (db/queries/briefings/build-counterpart-document.ts),
 * never by filtering the internal document, so what the owner wrote for the building — title,
 * purpose, key messages, background, notes, the occasion — is not even in its input.
 */

/** The title the counterpart copy prints when the owner wrote none: the country and nothing internal. */
export function neutralCounterpartTitle(countryName: string): string {
  return `${countryName}: meeting material`;
}

/** What the counterpart copy is built from: releasable facts and meetings, and text written for it. */
export interface CounterpartInput {
  briefingId: string;
  country: { id: string; name: string };
  status: "draft" | "final";
  revision: number;
  /** ISO day the copy is prepared on (a final briefing's day of finalising). */
  preparedOn: string;
  /** The owner's counterpart title; empty for the neutral one. */
  counterpartTitle: string;
  /**
   * The meeting's day, when the owner gave one: what is past or forthcoming is judged at it, as
   * in the internal copy. It is not printed.
   */
  asOf: string;
  /** Sections in the owner's order, each with its included releasable facts in order. */
  sections: { topicId: string; title: string; facts: Fact[] }[];
  /** The country's releasable meetings, with their participants as the meeting records them. */
  meetings: MeetingWithPeople[];
  sources: Map<string, Source>;
  datedAfterYears: number;
}

/** Refuses input that is not releasable: the loader's filter is the rule, this is the backstop. */
function assertReleasable(input: CounterpartInput): void {
  for (const f of input.sections.flatMap((s) => s.facts))
    if (f.handling !== "releasable") throw new Error(`Fact ${f.id} is ${f.handling}: not for the counterpart copy.`);
  for (const m of input.meetings)
    if (m.handling !== "releasable") throw new Error(`Meeting ${m.id} is ${m.handling}: not for the counterpart copy.`);
}

/**
 * The counterpart copy as a printable document: the releasable facts (text, date, citation —
 * no notes), the key figures they give, the releasable meetings' timeline, events and who's who
 * (each person with the titles they held at those meetings, from the meeting record; never
 * their roles over time), the sources cited. Its title is the owner's counterpart title or a
 * neutral one; nothing says who prepared or cleared it; its marking is derived from the facts
 * it prints. Pure: the same input gives the same document.
 */
export function counterpartDocument(input: CounterpartInput): BriefingDocument {
  assertReleasable(input);
  const facts = input.sections.flatMap((s) => s.facts);
  const marking = derivedMarking(facts);
  const empty = { meeting: "", date: "", place: "", counterpart: "", principal: "" };
  const doc = buildDocument({
    briefingId: input.briefingId,
    title: input.counterpartTitle.trim() || neutralCounterpartTitle(input.country.name),
    country: input.country,
    status: input.status,
    revision: input.revision,
    preparedBy: "",
    preparedOn: input.preparedOn,
    content: {
      marking,
      purpose: "",
      keyMessages: [],
      background: "",
      counterpartTitle: "",
      occasion: { ...empty, date: input.asOf },
      filters: { topicIds: [] },
    },
    sections: input.sections.map((s) => ({
      topicId: s.topicId,
      title: s.title,
      items: s.facts.map((fact) => ({ fact, note: null })),
    })),
    meetings: input.meetings,
    sources: input.sources,
    datedAfterYears: input.datedAfterYears,
    clearance: null,
  });
  // The occasion and "last met" belong to the internal copy's first section, which this one
  // has not; blanked so the document carries nothing it does not print.
  return { ...doc, variant: "counterpart", occasion: empty, lastMet: null };
}

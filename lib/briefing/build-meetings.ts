import type { Meeting } from "@/db/schema";
import { formatDateSpan } from "@/lib/dates/date-span";
import type { CitationRegistry } from "./citations";
import type { EventEntry, TimelineEntry, WhoEntry } from "./document";
import { MEETING_FORMAT_LABELS, titleWithoutParty } from "./labels";

/** A meeting as the briefing prints it: who took part (with the title held then) and who reported it. */
export interface MeetingWithPeople extends Meeting {
  participants: {
    personId: string | null;
    personName: string | null;
    partyName: string;
    title: string;
    leadsDelegation: boolean;
    sourceId: string;
  }[];
  reports: { sourceId: string; reports: "held" | "announced" | "mentioned" }[];
}

const dateOf = (m: MeetingWithPeople) =>
  m.dateStart && m.dateEnd && m.datePrecision
    ? formatDateSpan({ start: m.dateStart, end: m.dateEnd, precision: m.datePrecision, inferred: m.dateInferred })
    : "Date not known";

const cite = (m: MeetingWithPeople, citations: CitationRegistry) => m.reports.map((r) => citations.cite(r.sourceId));

/**
 * Who led each party's delegation. Where the source names no head for a party, its
 * participants are shown instead — nothing is claimed that the article does not say.
 */
function delegationHeads(m: MeetingWithPeople) {
  const byParty = new Map<string, MeetingWithPeople["participants"]>();
  for (const p of m.participants) byParty.set(p.partyName, [...(byParty.get(p.partyName) ?? []), p]);
  return [...byParty.values()].flatMap((list) =>
    list.some((p) => p.leadsDelegation) ? list.filter((p) => p.leadsDelegation) : list,
  );
}

/** Held meetings up to the briefing's date, newest first, with who led each delegation as titled then. */
export function buildTimeline(
  meetings: MeetingWithPeople[],
  asOf: string,
  citations: CitationRegistry,
): TimelineEntry[] {
  return meetings
    .filter((m) => m.status === "held" && m.dateStart !== null && m.dateStart <= asOf)
    .sort((a, b) => (b.dateStart ?? "").localeCompare(a.dateStart ?? "") || a.id.localeCompare(b.id))
    .map((m) => ({
      meetingId: m.id,
      date: dateOf(m),
      name: m.name,
      place: m.place,
      format: MEETING_FORMAT_LABELS[m.format] ?? m.format,
      mode: m.mode,
      status: m.status,
      leaders: delegationHeads(m).map((p) => ({ party: p.partyName, name: p.personName, title: p.title })),
      citations: cite(m, citations),
    }));
}

/**
 * Announced (or postponed) events: forthcoming when not over by the briefing's date (or
 * undated), unconfirmed when their date has passed and no source reports them held.
 */
export function buildEvents(meetings: MeetingWithPeople[], asOf: string, citations: CitationRegistry) {
  const pending = meetings
    .filter((m) => m.status === "announced" || m.status === "postponed")
    .sort((a, b) => (a.dateStart ?? "9999").localeCompare(b.dateStart ?? "9999") || a.id.localeCompare(b.id));
  const entry = (m: MeetingWithPeople): EventEntry => ({
    meetingId: m.id,
    date: dateOf(m),
    name: m.name,
    place: m.place,
    status: m.status,
    citations: cite(m, citations),
  });
  return {
    forthcoming: pending.filter((m) => m.dateEnd === null || m.dateEnd >= asOf).map(entry),
    unconfirmed: pending.filter((m) => m.dateEnd !== null && m.dateEnd < asOf).map(entry),
  };
}

/** Each named person at these meetings: the title at their latest appearance, and earlier ones. */
export function buildWhosWho(meetingIds: string[], meetings: MeetingWithPeople[]): WhoEntry[] {
  const wanted = new Set(meetingIds);
  const appearances = new Map<string, { name: string; party: string; title: string; date: string; when: string }[]>();
  for (const m of meetings) {
    if (!wanted.has(m.id)) continue;
    for (const p of m.participants) {
      if (!p.personId || !p.personName) continue;
      const list = appearances.get(p.personId) ?? [];
      list.push({
        name: p.personName,
        party: p.partyName,
        title: titleWithoutParty(p.title, p.partyName),
        date: m.dateStart ?? "9999",
        when: dateOf(m),
      });
      appearances.set(p.personId, list);
    }
  }
  return [...appearances]
    .map(([personId, list]) => {
      list.sort((a, b) => b.date.localeCompare(a.date));
      const [latest, ...rest] = list;
      const earlier: { title: string; asOf: string }[] = [];
      for (const a of rest)
        if (a.title !== latest.title && !earlier.some((e) => e.title === a.title))
          earlier.push({ title: a.title, asOf: a.when });
      return { personId, name: latest.name, party: latest.party, title: latest.title, asOf: latest.when, earlier };
    })
    .sort((a, b) => a.party.localeCompare(b.party) || a.name.localeCompare(b.name));
}

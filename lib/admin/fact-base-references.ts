import type { FactBaseDocument } from "./fact-base-format";

/**
 * Checks a document against itself and the database it is merged into: ids unique in the
 * file, every reference resolvable, every quote verbatim in its source. Returns one line
 * per problem, naming the record.
 */
export function checkFactBaseReferences(doc: FactBaseDocument, current: FactBaseDocument): string[] {
  const problems: string[] = [];
  const ids = <K extends keyof FactBaseDocument>(key: K) => {
    const set = new Set<string>();
    for (const r of current[key] as { id: string }[]) set.add(r.id);
    for (const r of doc[key] as { id: string }[]) set.add(r.id);
    return set;
  };
  const known = { parties: ids("parties"), topics: ids("topics"), sources: ids("sources"), meetings: ids("meetings"), people: ids("people") };
  const text = new Map<string, string>(current.sources.map((s) => [s.id, s.fullText]));
  for (const s of doc.sources) text.set(s.id, s.fullText);

  for (const key of ["parties", "topics", "sources", "meetings", "people", "personRoles", "participations", "facts"] as const) {
    const seen = new Set<string>();
    (doc[key] as { id: string }[]).forEach((r, i) => {
      if (seen.has(r.id)) problems.push(`${key}[${i}] ${r.id}: the id appears twice in the file.`);
      seen.add(r.id);
    });
  }
  const at = (key: string, i: number, id: string) => `${key}[${i}] ${id}`;
  const ref = (where: string, field: string, table: keyof typeof known, id: string | null) => {
    if (id !== null && !known[table].has(id)) problems.push(`${where}: ${field} "${id}" is not in the file or the database.`);
  };
  const quoted = (where: string, sourceId: string | null, quote: string | null) => {
    if (sourceId && quote && text.has(sourceId) && !text.get(sourceId)!.includes(quote)) problems.push(`${where}: the quote is not in source ${sourceId}.`);
  };
  doc.meetings.forEach((m, i) => {
    ref(at("meetings", i, m.id), "hostPartyId", "parties", m.hostPartyId);
    for (const s of m.sources) {
      ref(at("meetings", i, m.id), "sources.sourceId", "sources", s.sourceId);
      quoted(at("meetings", i, m.id), s.sourceId, s.quote);
    }
  });
  doc.personRoles.forEach((r, i) => {
    ref(at("personRoles", i, r.id), "personId", "people", r.personId);
    ref(at("personRoles", i, r.id), "partyId", "parties", r.partyId);
    ref(at("personRoles", i, r.id), "sourceId", "sources", r.sourceId);
    quoted(at("personRoles", i, r.id), r.sourceId, r.quote);
  });
  doc.participations.forEach((p, i) => {
    ref(at("participations", i, p.id), "meetingId", "meetings", p.meetingId);
    ref(at("participations", i, p.id), "personId", "people", p.personId);
    ref(at("participations", i, p.id), "partyId", "parties", p.partyId);
    ref(at("participations", i, p.id), "sourceId", "sources", p.sourceId);
    quoted(at("participations", i, p.id), p.sourceId, p.quote);
  });
  doc.facts.forEach((f, i) => {
    ref(at("facts", i, f.id), "sourceId", "sources", f.sourceId);
    ref(at("facts", i, f.id), "meetingId", "meetings", f.meetingId);
    for (const p of f.partyIds) ref(at("facts", i, f.id), "partyIds", "parties", p);
    for (const t of f.topicIds) ref(at("facts", i, f.id), "topicIds", "topics", t);
    quoted(at("facts", i, f.id), f.sourceId, f.quote);
  });
  return problems;
}

import type { FactBaseDocument } from "./fact-base-format";

const KEYS = ["parties", "topics", "sources", "meetings", "people", "personRoles", "participations", "facts"] as const;
type Key = (typeof KEYS)[number];
type Stored = { id: string; deletedAt: string | null };

/** One record of the merged fact base, how a problem with it is named, and whether it is the file's. */
interface Located<T> {
  record: T;
  where: string;
  fromFile: boolean;
}

/**
 * The database as it would be after the import: every table's rows by id, the file's
 * records replacing the stored ones. File records are named by their place in the file
 * ("facts[3] fact-12"), stored ones as such ("facts fact-9, in the database").
 */
function merge<K extends Key>(
  key: K,
  doc: FactBaseDocument,
  current: FactBaseDocument,
): Located<FactBaseDocument[K][number]>[] {
  type Row = FactBaseDocument[K][number];
  const rows = new Map<string, Located<Row>>();
  for (const record of current[key] as Row[])
    rows.set(record.id, { record, where: `${key} ${record.id}, in the database`, fromFile: false });
  (doc[key] as Row[]).forEach((record, i) =>
    rows.set(record.id, { record, where: `${key}[${i}] ${record.id}`, fromFile: true }),
  );
  return [...rows.values()];
}

/**
 * Checks the fact base as the import would leave it: ids unique in the file, every reference
 * resolvable, nothing live pointing at something deleted, every quote verbatim in its source.
 * The file's records are checked whole. A stored record is checked only where the file
 * touches it (a source whose text it changes, a record it deletes), so an import is never
 * refused for what the database already held. Returns one line per problem, naming the record.
 */
export function checkFactBaseReferences(doc: FactBaseDocument, current: FactBaseDocument): string[] {
  const problems: string[] = [];
  for (const key of KEYS) {
    const seen = new Set<string>();
    (doc[key] as Stored[]).forEach((r, i) => {
      if (seen.has(r.id)) problems.push(`${key}[${i}] ${r.id}: the id appears twice in the file.`);
      seen.add(r.id);
    });
  }
  const rows = {
    parties: merge("parties", doc, current),
    topics: merge("topics", doc, current),
    sources: merge("sources", doc, current),
    meetings: merge("meetings", doc, current),
    people: merge("people", doc, current),
    personRoles: merge("personRoles", doc, current),
    participations: merge("participations", doc, current),
    facts: merge("facts", doc, current),
  };
  const byId = (key: "parties" | "topics" | "sources" | "meetings" | "people") =>
    new Map<string, Stored>(rows[key].map(({ record }) => [record.id, record]));
  const known = {
    parties: byId("parties"),
    topics: byId("topics"),
    sources: byId("sources"),
    meetings: byId("meetings"),
    people: byId("people"),
  };
  const text = new Map<string, string>(rows.sources.map(({ record }) => [record.id, record.fullText]));

  const inFile = {
    parties: new Set(doc.parties.map((r) => r.id)),
    topics: new Set(doc.topics.map((r) => r.id)),
    sources: new Set(doc.sources.map((r) => r.id)),
    meetings: new Set(doc.meetings.map((r) => r.id)),
    people: new Set(doc.people.map((r) => r.id)),
  };
  // Stored records that are deleted are not checked at all; stored live ones only against what the file brings.
  const concerns = (located: Located<Stored>, table: keyof typeof inFile, id: string) =>
    located.fromFile || (located.record.deletedAt === null && inFile[table].has(id));

  const check = (located: Located<Stored>, refs: [field: string, table: keyof typeof known, id: string | null][]) => {
    const { record, where } = located;
    for (const [field, table, id] of refs) {
      if (id === null || !concerns(located, table, id)) continue;
      const target = known[table].get(id);
      if (!target) problems.push(`${where}: ${field} "${id}" is not in the file or the database.`);
      else if (record.deletedAt === null && target.deletedAt !== null)
        problems.push(`${where}: ${field} "${id}" is deleted, but this record is not.`);
    }
  };
  const quoted = (located: Located<Stored>, sourceId: string | null, quote: string | null) => {
    if (!sourceId || !quote || !concerns(located, "sources", sourceId)) return;
    if (text.has(sourceId) && !text.get(sourceId)!.includes(quote))
      problems.push(`${located.where}: the quote is not in source ${sourceId}.`);
  };
  for (const m of rows.meetings) {
    check(m, [
      ["hostPartyId", "parties", m.record.hostPartyId],
      ...(m.record.expectedPartyIds ?? []).map((id): [string, "parties", string] => [
        "expectedPartyIds",
        "parties",
        id,
      ]),
      ...m.record.sources.map((s): [string, "sources", string] => ["sources.sourceId", "sources", s.sourceId]),
    ]);
    for (const s of m.record.sources) quoted(m, s.sourceId, s.quote);
  }
  for (const r of rows.personRoles) {
    check(r, [
      ["personId", "people", r.record.personId],
      ["partyId", "parties", r.record.partyId],
      ["sourceId", "sources", r.record.sourceId],
    ]);
    quoted(r, r.record.sourceId, r.record.quote);
  }
  for (const p of rows.participations) {
    check(p, [
      ["meetingId", "meetings", p.record.meetingId],
      ["personId", "people", p.record.personId],
      ["partyId", "parties", p.record.partyId],
      ["sourceId", "sources", p.record.sourceId],
    ]);
    quoted(p, p.record.sourceId, p.record.quote);
  }
  for (const f of rows.facts) {
    check(f, [
      ["sourceId", "sources", f.record.sourceId],
      ["meetingId", "meetings", f.record.meetingId],
      ...f.record.partyIds.map((id): [string, "parties", string] => ["partyIds", "parties", id]),
      ...f.record.topicIds.map((id): [string, "topics", string] => ["topicIds", "topics", id]),
    ]);
    quoted(f, f.record.sourceId, f.record.quote);
  }
  return problems;
}

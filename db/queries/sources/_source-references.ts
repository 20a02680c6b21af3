import { and, count, eq, isNull } from "drizzle-orm";
import type { ClearanceLevel } from "@/lib/model/handling";
import type { Tx } from "../../client";
import { facts, meetingSources, participations, personRoles } from "../../schema";
import { canSeeFact, nameFacts } from "../_fact-visibility";

/*
 * Internal to db/queries/sources: what refers to a source, read inside the transaction that
 * is about to change or delete it. They check no permission; the operations do.
 */

/**
 * Every live passage quoted from a source: facts, meeting reports, participations and roles. A
 * fact marked above `level` (the reader's) counts, but is not named.
 */
export async function quotesFrom(
  tx: Tx,
  id: string,
  level: ClearanceLevel,
): Promise<{ what: string; quote: string }[]> {
  const live = <T extends { id: string; quote: string | null }>(rows: T[], label: string) =>
    rows.flatMap((r) => (r.quote ? [{ what: `${label} ${r.id}`, quote: r.quote }] : []));
  const factQuotes = (
    await tx
      .select({ id: facts.id, quote: facts.quote, marking: facts.marking })
      .from(facts)
      .where(and(eq(facts.sourceId, id), isNull(facts.deletedAt)))
  ).map((f) => (canSeeFact(level, f) ? f : { ...f, id: "marked above your clearance level" }));
  const reportQuotes = await tx
    .select({ id: meetingSources.meetingId, quote: meetingSources.quote })
    .from(meetingSources)
    .where(eq(meetingSources.sourceId, id));
  const participationQuotes = await tx
    .select({ id: participations.id, quote: participations.quote })
    .from(participations)
    .where(and(eq(participations.sourceId, id), isNull(participations.deletedAt)));
  const roleQuotes = await tx
    .select({ id: personRoles.id, quote: personRoles.quote })
    .from(personRoles)
    .where(and(eq(personRoles.sourceId, id), isNull(personRoles.deletedAt)));
  return [
    ...live(factQuotes, "fact"),
    ...live(reportQuotes, "report of meeting"),
    ...live(participationQuotes, "participation"),
    ...live(roleQuotes, "role"),
  ];
}

/**
 * What still refers to a source; a source is deleted only when this is empty. Facts marked above
 * `level` (the reader's) count, but are not named.
 */
export async function sourceReferences(tx: Tx, id: string, level: ClearanceLevel): Promise<string[]> {
  const factRows = await tx
    .select({ id: facts.id, marking: facts.marking })
    .from(facts)
    .where(and(eq(facts.sourceId, id), isNull(facts.deletedAt)));
  const [reports] = await tx.select({ n: count() }).from(meetingSources).where(eq(meetingSources.sourceId, id));
  const [participationCount] = await tx
    .select({ n: count() })
    .from(participations)
    .where(and(eq(participations.sourceId, id), isNull(participations.deletedAt)));
  const [roles] = await tx
    .select({ n: count() })
    .from(personRoles)
    .where(and(eq(personRoles.sourceId, id), isNull(personRoles.deletedAt)));
  const n = (c: number | undefined, what: string) => (c ? [`${c} ${what}`] : []);
  return [
    ...nameFacts(level, factRows),
    ...n(reports?.n, "meeting report(s)"),
    ...n(participationCount?.n, "participation(s)"),
    ...n(roles?.n, "person role(s)"),
  ];
}

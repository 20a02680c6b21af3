import { inArray, sql, type SQL } from "drizzle-orm";
import { MARKINGS, markingAtMost, type ClearanceLevel, type Marking } from "@/lib/model/handling";
import { auditLog, facts } from "../schema";

/*
 * Who may see which fact (issue 16): a fact marked above a user's clearance level is invisible
 * to that user in every read of the data layer — administrators included. Every query that
 * reads facts for an actor narrows them with one of these; reads that must see every fact (the
 * clearance hash, a derived marking, what still refers to a record) say so where they skip it.
 */

/**
 * The level that sees every fact: for the reads that must (a clearance's hash, a briefing frozen
 * at finalising, what still refers to a record), never for what is shown to a user.
 */
export const EVERY_FACT: ClearanceLevel = MARKINGS[MARKINGS.length - 1];

/** The markings a user cleared to `level` may see, lowest first. */
export function visibleMarkings(level: ClearanceLevel): Marking[] {
  return MARKINGS.filter((m) => markingAtMost(m, level));
}

/** The Drizzle condition "facts.marking at most `level`" (a short IN list). */
export function factVisibleTo(level: ClearanceLevel): SQL {
  return inArray(facts.marking, visibleMarkings(level));
}

/**
 * The same condition for raw SQL on an aliased facts table (`f.marking IN (...)`). The alias is
 * written by the caller's code, never taken from input.
 */
export function factAliasVisibleTo(alias: string, level: ClearanceLevel): SQL {
  const list = sql.join(
    visibleMarkings(level).map((m) => sql`${m}`),
    sql`, `,
  );
  return sql`(${sql.raw(alias)}.marking IN (${list}))`;
}

/**
 * An audit row the reader may see: any row but a fact's whose before or after snapshot is
 * marked above `level` (snapshots from before markings count as OFFICIAL), or whose fact is now
 * marked above it — so a hidden fact's history, text included, shows nowhere.
 */
export function auditRowVisibleTo(level: ClearanceLevel): SQL {
  const list = sql.join(
    visibleMarkings(level).map((m) => sql`${m}`),
    sql`, `,
  );
  // ->> with a key reads a JSON text field on both engines (SQLite's "$.marking", jsonb's key).
  const snapshotVisible = (column: typeof auditLog.before | typeof auditLog.after) =>
    sql`coalesce(${column} ->> 'marking', 'OFFICIAL') IN (${list})`;
  return sql`(${auditLog.entity} <> 'fact' OR (${snapshotVisible(auditLog.before)} AND ${snapshotVisible(auditLog.after)}
    AND NOT EXISTS (SELECT 1 FROM facts hidden WHERE hidden.id = ${auditLog.entityId} AND hidden.marking NOT IN (${list}))))`;
}

/** The same rule in JavaScript, for rows already read. */
export function canSeeFact(level: ClearanceLevel, fact: { marking: Marking }): boolean {
  return markingAtMost(fact.marking, level);
}

/**
 * Facts that still refer to something, as a refusal names them: the visible ones by id, the
 * others only counted — they still block the change (a record in use stays), unnamed.
 */
export function nameFacts(level: ClearanceLevel, rows: readonly { id: string; marking: Marking }[]): string[] {
  const hidden = rows.filter((r) => !canSeeFact(level, r)).length;
  return [
    ...rows.filter((r) => canSeeFact(level, r)).map((r) => `fact ${r.id}`),
    ...(hidden ? [`${hidden} fact(s) marked above your clearance level`] : []),
  ];
}

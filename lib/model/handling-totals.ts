/**
 * What the composer says about the handling of the facts a briefing includes: the totals per
 * section and for the briefing, and the minimum marking with its reason. Pure, so the client
 * recomputes it as facts are included and excluded.
 */
import {
  DEFAULT_MARKING,
  derivedMarking,
  HANDLING_LABELS,
  HANDLING_VALUES,
  type Handling,
  type Marking,
} from "./handling";

export interface HandledFact {
  handling: Handling;
  marking: Marking;
}

export interface HandlingTotals {
  count: number;
  byHandling: Record<Handling, number>;
  /** The highest marking among the facts; null when there are none. */
  highest: Marking | null;
}

export function handlingTotals(facts: readonly HandledFact[]): HandlingTotals {
  const byHandling = Object.fromEntries(HANDLING_VALUES.map((h) => [h, 0])) as Record<Handling, number>;
  for (const fact of facts) byHandling[fact.handling]++;
  return { count: facts.length, byHandling, highest: facts.length ? derivedMarking(facts) : null };
}

/** "5 releasable, 2 internal, 1 not for disclosure · highest OFFICIAL-SENSITIVE" (values with none left out). */
export function describeHandlingTotals(totals: HandlingTotals): string {
  if (totals.count === 0) return "none";
  const parts = HANDLING_VALUES.filter((h) => totals.byHandling[h] > 0).map(
    (h) => `${totals.byHandling[h]} ${HANDLING_LABELS[h].toLowerCase()}`,
  );
  return `${parts.join(", ")} · highest ${totals.highest}`;
}

export interface MinimumMarking {
  minimum: Marking;
  /** Why: "At least OFFICIAL-SENSITIVE: 2 included facts are marked so." */
  reason: string;
}

/** The briefing's minimum marking (derivedMarking) and, in words, which facts set it. */
export function minimumMarking(included: readonly HandledFact[]): MinimumMarking {
  const minimum = derivedMarking(included);
  const setting = included.filter((f) => f.marking === minimum).length;
  if (minimum === DEFAULT_MARKING)
    return { minimum, reason: `At least ${minimum}: no included fact is marked higher.` };
  return {
    minimum,
    reason: `At least ${minimum}: ${setting} included ${setting === 1 ? "fact is" : "facts are"} marked so.`,
  };
}

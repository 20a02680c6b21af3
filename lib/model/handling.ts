/**
 * Handling per fact (issue 16): whether a fact may leave the building, and the marking it needs.
 * Pure rules — the data layer, the forms and the composer all ask these.
 */

/**
 * What may be done with a fact: shared with the counterpart (*releasable*), kept in the building
 * (*internal*, the default), or never said even in the room (*not for disclosure*).
 */
export const HANDLING_VALUES = ["releasable", "internal", "not-for-disclosure"] as const;
export type Handling = (typeof HANDLING_VALUES)[number];
export const DEFAULT_HANDLING: Handling = "internal";

/** The handling values as the forms and the composer name them. */
export const HANDLING_LABELS: Record<Handling, string> = {
  releasable: "Releasable",
  internal: "Internal",
  "not-for-disclosure": "Not for disclosure",
};

/** The protective markings, lowest first: the order is the rank (OFFICIAL < OFFICIAL-SENSITIVE < SECRET). */
export const MARKINGS = ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET"] as const;
export type Marking = (typeof MARKINGS)[number];
export const DEFAULT_MARKING: Marking = "OFFICIAL";

/** A marking's rank: 0 for OFFICIAL, upwards. */
export function markingRank(marking: Marking): number {
  return MARKINGS.indexOf(marking);
}

/** The higher of two markings. */
export function higherMarking(a: Marking, b: Marking): Marking {
  return markingRank(a) >= markingRank(b) ? a : b;
}

/** Whether `marking` is at or below `level` — e.g. whether a user cleared to `level` may see a fact marked so. */
export function markingAtMost(marking: Marking, level: Marking): boolean {
  return markingRank(marking) <= markingRank(level);
}

/**
 * The highest marking a fact of this handling may carry. Releasable material goes to the
 * counterpart, so it cannot be SECRET: releasable + SECRET is refused as nonsense.
 */
export const HIGHEST_MARKING_FOR: Record<Handling, Marking> = {
  releasable: "OFFICIAL-SENSITIVE",
  internal: "SECRET",
  "not-for-disclosure": "SECRET",
};

export type HandlingCheck = { ok: true } | { ok: false; reason: string };

/** Whether a fact's handling and marking make sense together; the reason when not. */
export function checkHandling(handling: Handling, marking: Marking): HandlingCheck {
  const highest = HIGHEST_MARKING_FOR[handling];
  if (markingAtMost(marking, highest)) return { ok: true };
  return {
    ok: false,
    reason: `${HANDLING_LABELS[handling]} material cannot be marked ${marking}: what may be shared with the counterpart is at most ${highest}.`,
  };
}

/**
 * A briefing's minimum marking: the highest marking among its included facts (OFFICIAL when it
 * has none). The user may raise the briefing's marking above it, never lower it below.
 */
export function derivedMarking(facts: readonly { marking: Marking }[]): Marking {
  return facts.reduce<Marking>((highest, fact) => higherMarking(highest, fact.marking), DEFAULT_MARKING);
}

export type MarkingCheck = { ok: true } | { ok: false; minimum: Marking; reason: string };

/** Whether a chosen briefing marking is allowed given the derived minimum; the reason when not. */
export function checkBriefingMarking(chosen: Marking, minimum: Marking): MarkingCheck {
  if (markingAtMost(minimum, chosen)) return { ok: true };
  return {
    ok: false,
    minimum,
    reason: `The briefing includes facts marked ${minimum}, so it cannot be marked lower than ${minimum}.`,
  };
}

/** The marking a briefing carries: the chosen one, never below the derived minimum. */
export function effectiveMarking(chosen: Marking, minimum: Marking): Marking {
  return higherMarking(chosen, minimum);
}

/** A user's clearance level uses the same scale as markings (default OFFICIAL). */
export const CLEARANCE_LEVELS = MARKINGS;
export type ClearanceLevel = Marking;
export const DEFAULT_CLEARANCE_LEVEL: ClearanceLevel = "OFFICIAL";

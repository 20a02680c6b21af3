import { markingAtMost, type ClearanceLevel, type Marking } from "@/lib/model/handling";

/**
 * Whether a colleague may be given a briefing (shared with, asked to clear it, handed it over):
 * only when cleared to at least the highest marking of the facts it includes (issue 16). The
 * reason names the colleague, their level and the marking, so the owner knows what to change.
 */
export function clearedForBriefing(
  /** `name: null` is the actor themselves ("You are cleared to …"). */
  colleague: { name: string | null; clearanceLevel: ClearanceLevel },
  marking: Marking,
  what: "this briefing includes" | "these briefings include" | "this save would include" = "this briefing includes",
): { ok: true } | { ok: false; reason: string } {
  if (markingAtMost(marking, colleague.clearanceLevel)) return { ok: true };
  return {
    ok: false,
    reason: `${colleague.name === null ? "You are" : `${colleague.name} is`} cleared to ${colleague.clearanceLevel}; ${what} facts marked ${marking}.`,
  };
}

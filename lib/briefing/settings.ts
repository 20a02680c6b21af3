/** Facts whose date ended more than this many years before the briefing's date are marked as dated. */
export function datedAfterYears(): number {
  const value = Number(process.env.CHANCERY_DATED_AFTER_YEARS ?? 3);
  return Number.isFinite(value) && value > 0 ? value : 3;
}

/** The most facts one briefing proposes; narrower filters are asked for beyond it. */
export const MAX_BRIEFING_FACTS = 1000;

/** The day before which a fact counts as dated, for a briefing as of `asOf` (ISO day). */
export function datedBefore(asOf: string, years = datedAfterYears()): string {
  return `${Number(asOf.slice(0, 4)) - years}${asOf.slice(4)}`;
}

/**
 * The day a briefing is "as of": the meeting it prepares for, else the day it is prepared.
 * The composer and the printed document both count "dated" back from it, so they agree.
 */
export function briefingAsOf(occasionDate: string | null | undefined, preparedOn: string): string {
  return occasionDate || preparedOn;
}

/**
 * Whether only a cleared draft may be finalised (CHANCERY_REQUIRE_CLEARANCE, on by default;
 * "0", "false", "off" or "no" turn it off, and finalising works as it did before clearance).
 */
export function requireClearance(): boolean {
  const value = (process.env.CHANCERY_REQUIRE_CLEARANCE ?? "").trim().toLowerCase();
  return !["0", "false", "off", "no"].includes(value);
}

/**
 * A date as the sources give it: the earliest and latest day it can be, and the
 * precision it is known to. "autumn 2023" is 2023-09-01..2023-11-30 at season precision.
 * Days are ISO strings (YYYY-MM-DD) so they sort and compare as text, as SQLite stores them.
 */
export const DATE_PRECISIONS = ["day", "month", "season", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface DateSpan {
  start: string;
  end: string;
  precision: DatePrecision;
  /** True when the date (or its year) was worked out from context rather than printed. */
  inferred: boolean;
  /** How an inferred date was worked out, in a sentence. */
  note: string | null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for a real calendar day: 2024-02-29 yes, 2024-02-30 and 2023-02-29 no. */
export function isValidIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export const SEASONS = ["spring", "summer", "autumn", "winter"] as const;
export type Season = (typeof SEASONS)[number];
// Meteorological seasons of the northern hemisphere, where every party in the data lies.
const SEASON_MONTHS: Record<Season, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  winter: [12, 2],
};

export function daySpan(day: string, extra: Partial<Pick<DateSpan, "inferred" | "note">> = {}): DateSpan {
  if (!isValidIsoDay(day)) throw new RangeError(`Not a real calendar day: ${day}`);
  return { start: day, end: day, precision: "day", inferred: false, note: null, ...extra };
}

export function monthSpan(
  year: number,
  month: number,
  extra: Partial<Pick<DateSpan, "inferred" | "note">> = {},
): DateSpan {
  if (month < 1 || month > 12) throw new RangeError(`Not a month: ${month}`);
  return {
    start: isoDay(year, month, 1),
    end: isoDay(year, month, daysInMonth(year, month)),
    precision: "month",
    inferred: false,
    note: null,
    ...extra,
  };
}

/** Winter 2023 is December 2023 to February 2024. */
export function seasonSpan(
  year: number,
  season: Season,
  extra: Partial<Pick<DateSpan, "inferred" | "note">> = {},
): DateSpan {
  const [from, to] = SEASON_MONTHS[season];
  const endYear = to < from ? year + 1 : year;
  return {
    start: isoDay(year, from, 1),
    end: isoDay(endYear, to, daysInMonth(endYear, to)),
    precision: "season",
    inferred: false,
    note: null,
    ...extra,
  };
}

export function yearSpan(year: number, extra: Partial<Pick<DateSpan, "inferred" | "note">> = {}): DateSpan {
  return {
    start: isoDay(year, 1, 1),
    end: isoDay(year, 12, 31),
    precision: "year",
    inferred: false,
    note: null,
    ...extra,
  };
}

/** Why a span is not acceptable, or null when it is. */
export function dateSpanProblem(span: Pick<DateSpan, "start" | "end" | "precision">): string | null {
  if (!isValidIsoDay(span.start)) return `Start date ${span.start} is not a real calendar day (YYYY-MM-DD).`;
  if (!isValidIsoDay(span.end)) return `End date ${span.end} is not a real calendar day (YYYY-MM-DD).`;
  if (span.end < span.start) return `End date ${span.end} is before start date ${span.start}.`;
  if (span.precision === "day" && span.start !== span.end) return "A date at day precision has one day.";
  return null;
}

/** Two spans overlap when neither ends before the other starts (inclusive days). */
export function spansOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function seasonOf(start: string): Season {
  const month = Number(start.slice(5, 7));
  if (month >= 3 && month <= 5) return "spring";
  if (month >= 6 && month <= 8) return "summer";
  if (month >= 9 && month <= 11) return "autumn";
  return "winter";
}

/**
 * Shows a date at the precision known: "17 Nov 2020", "Mar 2025", "autumn 2023", "2023".
 * Inferred dates carry a trailing marker so readers know the year or day was worked out.
 */
export function formatDateSpan(span: Pick<DateSpan, "start" | "end" | "precision" | "inferred">): string {
  const y = span.start.slice(0, 4);
  const m = Number(span.start.slice(5, 7));
  const d = Number(span.start.slice(8, 10));
  let text: string;
  switch (span.precision) {
    case "day":
      text = `${d} ${MONTHS_SHORT[m - 1]} ${y}`;
      break;
    case "month":
      text = `${MONTHS_SHORT[m - 1]} ${y}`;
      break;
    case "season":
      text = `${seasonOf(span.start)} ${y}`;
      break;
    case "year":
      text = span.start.slice(0, 4) === span.end.slice(0, 4) ? y : `${y}–${span.end.slice(0, 4)}`;
      break;
  }
  return span.inferred ? `${text} (inferred)` : text;
}

import { formatDateSpan, type DatePrecision } from "@/lib/dates/date-span";
import type { Handling, Marking } from "@/lib/model/handling";
import { HandlingBadges } from "./handling-badges";

/**
 * The line under a fact: its handling and marking when given, its date at its precision (inferred
 * marked), meeting and source.
 */
export function FactMeta({
  date,
  meeting,
  source,
  dated,
  handling,
}: {
  date: { dateStart: string; dateEnd: string; datePrecision: DatePrecision; dateInferred: boolean };
  meeting: string | null;
  source: string;
  dated?: boolean;
  handling?: { handling: Handling; marking: Marking };
}) {
  return (
    <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
      {handling && <HandlingBadges handling={handling.handling} marking={handling.marking} />}
      <span>
        {formatDateSpan({
          start: date.dateStart,
          end: date.dateEnd,
          precision: date.datePrecision,
          inferred: date.dateInferred,
        })}
      </span>
      {dated && <span className="font-medium text-amber-800">Dated</span>}
      {meeting && <span>{meeting}</span>}
      <span>Source: {source}</span>
    </p>
  );
}

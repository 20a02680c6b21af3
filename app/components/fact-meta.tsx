import { formatDateSpan, type DatePrecision } from "@/lib/dates/date-span";

/** The line under a fact: its date at its precision (inferred marked), meeting and source. */
export function FactMeta({
  date,
  meeting,
  source,
  dated,
}: {
  date: { dateStart: string; dateEnd: string; datePrecision: DatePrecision; dateInferred: boolean };
  meeting: string | null;
  source: string;
  dated?: boolean;
}) {
  return (
    <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-600">
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

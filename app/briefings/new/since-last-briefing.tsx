import Link from "next/link";
import type { LastBriefing, SinceLastBriefing } from "@/db/queries/briefings/propose-facts";
import { formatDateSpan } from "@/lib/dates/date-span";

/** The day a briefing was finalised, as the app prints days ("17 Nov 2025"), with the instant for machines. */
export function FinalisedOn({ at }: { at: string }) {
  return (
    <time dateTime={at}>
      {formatDateSpan({ start: at.slice(0, 10), end: at.slice(0, 10), precision: "day", inferred: false })}
    </time>
  );
}

/** The line above the proposals saying what the "New" and "Changed" badges are measured from. */
export function SinceLastBriefingNote({
  lastBriefing,
  counts,
  filtered,
  matchingTotal,
}: {
  lastBriefing: LastBriefing;
  counts: { new: number; changed: number };
  filtered: boolean;
  matchingTotal: number;
}) {
  return (
    <div
      className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-slate-800"
      data-testid="since-note"
    >
      <p>
        Marked: new or changed since your briefing “
        <Link href={`/briefings/${lastBriefing.id}`} className="underline">
          {lastBriefing.title}
        </Link>
        ” finalised on <FinalisedOn at={lastBriefing.finalisedAt} />{" "}
        <span data-testid="since-counts">
          ({counts.new} new, {counts.changed} changed)
        </span>
        .
      </p>
      {filtered && (
        <p className="mt-1 text-slate-600">
          Only these are listed; a briefing created below starts with all {matchingTotal} matching{" "}
          {matchingTotal === 1 ? "fact" : "facts"}.
        </p>
      )}
    </div>
  );
}

/** "New" or "Changed" in words (colour only repeats it), read out as "New since your last briefing". */
export function SinceBadge({ since }: { since: Exclude<SinceLastBriefing, null> }) {
  const isNew = since === "new";
  return (
    <span
      className={`mr-2 inline-block rounded-full px-2 py-0.5 align-middle text-xs font-semibold ${isNew ? "bg-sky-100 text-sky-900" : "bg-amber-100 text-amber-900"}`}
      data-testid="since-badge"
    >
      {isNew ? "New" : "Changed"}
      <span className="sr-only"> since your last briefing:</span>
    </span>
  );
}

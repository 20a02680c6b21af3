import { HANDLING_LABELS, type Handling, type Marking } from "@/lib/model/handling";

const HANDLING_STYLE: Record<Handling, string> = {
  releasable: "bg-emerald-100 text-emerald-900",
  internal: "bg-slate-100 text-slate-800",
  "not-for-disclosure": "bg-rose-100 text-rose-900",
};
const MARKING_STYLE: Record<Marking, string> = {
  OFFICIAL: "bg-slate-100 text-slate-800",
  "OFFICIAL-SENSITIVE": "bg-amber-100 text-amber-900",
  SECRET: "bg-red-100 text-red-900",
};
const BADGE = "inline-block rounded-full px-2 py-0.5 text-xs font-semibold";

/**
 * A fact's handling and marking as two small badges, "Releasable · OFFICIAL": the words say it
 * (colour only repeats them) and a screen reader hears "Handling: Releasable, marking: OFFICIAL".
 */
export function HandlingBadges({ handling, marking }: { handling: Handling; marking: Marking }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="handling-badges">
      <span className={`${BADGE} ${HANDLING_STYLE[handling]}`} data-testid="handling-badge">
        <span className="sr-only">Handling: </span>
        {HANDLING_LABELS[handling]}
      </span>
      <span aria-hidden="true">·</span>
      <span className={`${BADGE} ${MARKING_STYLE[marking]}`} data-testid="marking-badge">
        <span className="sr-only">, marking: </span>
        {marking}
      </span>
    </span>
  );
}

"use client";

import { effectiveMarking, markingAtMost, MARKINGS, type Marking } from "@/lib/model/handling";
import { minimumMarking, type HandledFact } from "@/lib/model/handling-totals";

/**
 * The briefing's marking: at least the highest marking of the facts it includes. The minimum
 * and its reason sit beside the control (and are read with it); lower markings cannot be
 * chosen. A save the server still refuses (a fact raised since this page loaded) shows why here.
 */
export function MarkingControl({
  chosen,
  printed,
  error,
  onChange,
}: {
  chosen: Marking;
  /** The facts that print (included, not retired): they set the minimum. */
  printed: readonly HandledFact[];
  error?: string;
  onChange: (marking: Marking) => void;
}) {
  const { minimum, reason } = minimumMarking(printed);
  return (
    <span className="flex flex-wrap items-center justify-end gap-x-2 gap-y-1">
      <label htmlFor="marking" className="text-sm text-slate-600">
        Marking
      </label>
      <select
        id="marking"
        className="field-input mt-0 w-auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "marking-minimum marking-error" : "marking-minimum"}
        value={effectiveMarking(chosen, minimum)}
        onChange={(e) => onChange(MARKINGS.find((m) => m === e.target.value) ?? chosen)}
      >
        {MARKINGS.map((m) => {
          const below = !markingAtMost(minimum, m);
          return (
            <option key={m} value={m} disabled={below}>
              {below ? `${m} (below the minimum)` : m}
            </option>
          );
        })}
      </select>
      <span
        id="marking-minimum"
        role="status"
        aria-live="polite"
        className="basis-full text-right text-xs text-slate-600"
        data-testid="marking-minimum"
      >
        {reason}
      </span>
      {error && (
        <span id="marking-error" role="alert" className="basis-full text-right text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

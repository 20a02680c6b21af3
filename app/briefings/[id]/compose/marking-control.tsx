"use client";

import { effectiveMarking, markingAtMost, MARKINGS, type Marking } from "@/lib/model/handling";
import type { MinimumMarking } from "@/lib/model/handling-totals";

/**
 * The briefing's marking: at least the highest marking of the facts it includes (`minimum`,
 * lib/model/handling-totals.ts). Lower markings cannot be chosen; the select shows the chosen
 * marking raised to the minimum, which is what a save sends (types.ts savedMarking). Its
 * description is MarkingNote: the minimum and why, or the server's refusal.
 */
export function MarkingSelect({
  chosen,
  minimum,
  error,
  onChange,
}: {
  chosen: Marking;
  minimum: Marking;
  error?: string;
  onChange: (marking: Marking) => void;
}) {
  return (
    <>
      <label htmlFor="marking" className="self-center text-sm text-slate-600">
        Marking
      </label>
      <select
        id="marking"
        className="field-input mt-0 w-auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "marking-error" : "marking-minimum"}
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
    </>
  );
}

/**
 * Under the Marking select, on a line of its own: the minimum and why (announced as it changes),
 * or a save's refusal. The refusal replaces the minimum worked out here: the server knows of a
 * fact raised since this page loaded, which this page does not.
 */
export function MarkingNote({ minimum, error }: { minimum: MinimumMarking; error?: string }) {
  return error ? (
    <span id="marking-error" role="alert" className="basis-full text-right text-sm text-red-700">
      {error}
    </span>
  ) : (
    <span
      id="marking-minimum"
      role="status"
      aria-live="polite"
      className="basis-full text-right text-xs text-slate-600"
      data-testid="marking-minimum"
    >
      {minimum.reason}
    </span>
  );
}

"use client";

import type { FactFormOptions } from "@/db/queries/facts/get-fact-form-options";
import { FACT_FIELD_LABELS, type FactFormValues } from "@/lib/admin/fact-form";
import type { FactField } from "@/lib/validation/fact";

export interface Conflict {
  mine: FactFormValues;
  theirs: FactFormValues;
  differing: { field: FactField; both: boolean }[];
  version: number;
}

function shown(field: FactField, value: string, options: FactFormOptions): string {
  if (value === "") return "(empty)";
  const names = (list: { id: string; name: string }[]) =>
    value
      .split(",")
      .map((id) => list.find((o) => o.id === id)?.name ?? id)
      .join(", ");
  if (field === "partyIds") return names(options.parties);
  if (field === "topicIds") return names(options.topics);
  if (field === "dateInferred") return value === "true" ? "yes" : "no";
  return value;
}

/**
 * Someone saved first: their values beside the admin's, field by field, with a choice
 * for each. Choosing sets the form's field; the next save sends the newer version.
 */
export function ConflictPanel({
  conflict,
  values,
  onPick,
  options,
}: {
  conflict: Conflict;
  values: FactFormValues;
  onPick: (f: FactField, v: string) => void;
  options: FactFormOptions;
}) {
  return (
    <section
      aria-labelledby="conflict-heading"
      className="rounded-lg border border-amber-400 bg-amber-50 p-4"
      data-testid="conflict"
    >
      <h2 id="conflict-heading" className="font-semibold text-ink">
        Someone else saved this fact while you were editing
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        For each field that differs, keep yours or take the newer saved value. Fields only one of you changed are
        pre-chosen; then save again.
      </p>
      <div className="mt-4 space-y-4">
        {conflict.differing.map(({ field, both }) => (
          <fieldset key={field} className="rounded-md border border-amber-200 bg-white p-3">
            <legend className="px-1 text-sm font-medium">
              {FACT_FIELD_LABELS[field]}
              {both && <span className="ml-2 text-xs text-red-700">changed by both of you</span>}
            </legend>
            {(["mine", "theirs"] as const).map((side) => {
              const value = conflict[side][field];
              return (
                <label key={side} className="mt-1 flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name={`pick-${field}`}
                    className="mt-1"
                    checked={values[field] === value}
                    onChange={() => onPick(field, value)}
                  />
                  <span>
                    <span className="font-medium">{side === "mine" ? "Yours: " : "Saved meanwhile: "}</span>
                    <span className="whitespace-pre-wrap break-words">{shown(field, value, options)}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
    </section>
  );
}

"use client";

import { useActionState } from "react";
import { FormField } from "@/app/components/form-field";
import { createBriefingAction } from "../actions";

/** Creates the draft from the filters shown above, with the occasion it prepares for. */
export function CreateBriefingForm({
  filters,
  total,
  countryName,
}: {
  filters: Record<string, string>;
  total: number;
  countryName: string;
}) {
  const [state, action, pending] = useActionState(createBriefingAction, null);
  const failed = state && !state.ok ? state : null;
  const err = (k: string) => failed?.fieldErrors?.[k]?.[0];
  return (
    <form action={action} className="card grid gap-4 p-6 md:grid-cols-2" aria-labelledby="occasion-heading" noValidate>
      <h2 id="occasion-heading" className="text-lg font-semibold text-ink md:col-span-2">
        The occasion <span className="text-sm font-normal text-slate-500">(optional, editable later)</span>
      </h2>
      {Object.entries(filters).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormField
        label="Meeting"
        name="occasionMeeting"
        placeholder="e.g. Visit of the Kazakh Foreign Minister"
        defaultValue={failed?.values?.occasionMeeting}
        error={err("occasionMeeting")}
      />
      <FormField
        label="Date of the meeting"
        name="occasionDate"
        type="date"
        defaultValue={failed?.values?.occasionDate}
        error={err("occasionDate")}
      />
      <FormField
        label="Place"
        name="occasionPlace"
        defaultValue={failed?.values?.occasionPlace}
        error={err("occasionPlace")}
      />
      <FormField
        label="Counterpart"
        name="occasionCounterpart"
        defaultValue={failed?.values?.occasionCounterpart}
        error={err("occasionCounterpart")}
      />
      <FormField
        label="Our principal"
        name="occasionPrincipal"
        defaultValue={failed?.values?.occasionPrincipal}
        error={err("occasionPrincipal")}
      />
      <div className="flex flex-wrap items-center gap-4 md:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Creating…" : `Create ${countryName} briefing with ${total} ${total === 1 ? "fact" : "facts"}`}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-red-700">
          {failed?.message ?? ""}
        </p>
      </div>
    </form>
  );
}

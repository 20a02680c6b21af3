"use client";

import { useActionState } from "react";
import { FormStatus } from "@/app/components/form-field";
import type { ActionState } from "@/app/_request/guard";

/** A one-button form posting hidden fields to a server action, with its outcome announced. */
export function ActionButton<T>({
  action,
  fields,
  label,
  srLabel,
  className = "btn-secondary",
}: {
  action: (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  fields: Record<string, string | number>;
  label: string;
  srLabel?: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={pending}>
        {label}
        {srLabel && <span className="sr-only"> {srLabel}</span>}
      </button>
      {state && <FormStatus state={state} />}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { FormStatus } from "@/app/components/form-field";
import { handOverBriefingsAction } from "./actions";

/** Beside a disabled account that still owns briefings: hand them over to an active colleague. */
export function HandOverForm({ user, count }: { user: { id: string; email: string }; count: number }) {
  const [state, action, pending] = useActionState(handOverBriefingsAction, null);
  const failed = state && !state.ok ? state : null;
  const error = failed?.fieldErrors?.toEmail?.[0] ?? failed?.fieldErrors?.toUserId?.[0];
  const inputId = `hand-over-${user.id}`;
  if (state?.ok)
    // Rendered while the count falls to 0, so the outcome stays on screen.
    return (
      <FormStatus state={state} success={`${state.data} ${state.data === 1 ? "briefing" : "briefings"} handed over.`} />
    );
  if (count === 0) return null;
  return (
    <form action={action} className="mt-3 space-y-1" data-testid="hand-over">
      <input type="hidden" name="fromUserId" value={user.id} />
      <label htmlFor={inputId} className="block text-xs text-slate-700">
        Owns {count} {count === 1 ? "briefing" : "briefings"}: hand {count === 1 ? "it" : "them"} over to (email)
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          name="toEmail"
          type="email"
          className="field-input mt-0 w-48"
          defaultValue={failed?.values?.toEmail ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        <button type="submit" className="btn-secondary" disabled={pending}>
          Hand over<span className="sr-only"> the briefings of {user.email}</span>
        </button>
      </div>
      {error && (
        <p id={`${inputId}-error`} className="field-error">
          {error}
        </p>
      )}
      {failed && !error && <FormStatus state={failed} />}
    </form>
  );
}

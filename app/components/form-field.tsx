import type { InputHTMLAttributes } from "react";

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function FormField({
  label,
  name,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string }) {
  const id = input.id ?? name;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The status line of a form: a success note or the error message, read out when it changes. */
export function FormStatus({ state, success }: { state: { ok: boolean; message?: string } | null; success?: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={state ? (state.ok ? "text-sm text-green-800" : "text-sm text-red-700") : "sr-only"}
    >
      {state ? (state.ok ? (success ?? state.message ?? "Saved.") : state.message) : ""}
    </p>
  );
}

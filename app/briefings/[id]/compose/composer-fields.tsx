"use client";

import type { Dispatch, SetStateAction } from "react";
import { LIMITS } from "@/lib/validation/briefing";
import type { ComposerState } from "./types";

type Occasion = ComposerState["occasion"];
const OCCASION: { key: keyof Occasion; label: string; type?: string }[] = [
  { key: "meeting", label: "Meeting" },
  { key: "date", label: "Date", type: "date" },
  { key: "place", label: "Place" },
  { key: "counterpart", label: "Counterpart" },
  { key: "principal", label: "Our principal" },
];

function Error({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function ComposerFields({
  state,
  setState,
  fieldError,
}: {
  state: ComposerState;
  setState: Dispatch<SetStateAction<ComposerState>>;
  fieldError: (path: string) => string | undefined;
}) {
  const area = (
    key: "purpose" | "keyMessages" | "background",
    label: string,
    hint: string,
    max: number,
    rows: number,
  ) => (
    <div>
      <label htmlFor={key} className="field-label">
        {label}
      </label>
      <p id={`${key}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
      <textarea
        id={key}
        rows={rows}
        maxLength={max}
        className="field-input"
        value={state[key]}
        aria-invalid={fieldError(key) ? true : undefined}
        aria-describedby={`${key}-hint${fieldError(key) ? ` ${key}-error` : ""}`}
        onChange={(e) => setState((s) => ({ ...s, [key]: e.target.value }))}
      />
      <Error id={`${key}-error`} message={fieldError(key) ?? fieldError(`${key}.0`)} />
    </div>
  );
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section className="card space-y-4 p-6" aria-labelledby="about-heading">
        <h2 id="about-heading" className="text-lg font-semibold text-ink">
          Title and occasion
        </h2>
        <div>
          <label htmlFor="title" className="field-label">
            Title
          </label>
          <input
            id="title"
            className="field-input"
            value={state.title}
            maxLength={LIMITS.title}
            aria-invalid={fieldError("title") ? true : undefined}
            aria-describedby={fieldError("title") ? "title-error" : undefined}
            onChange={(e) => setState((s) => ({ ...s, title: e.target.value }))}
          />
          <Error id="title-error" message={fieldError("title")} />
        </div>
        <div>
          <label htmlFor="counterpartTitle" className="field-label">
            Counterpart title
          </label>
          <p id="counterpartTitle-hint" className="text-xs text-slate-500">
            Printed on the counterpart copy (the leave-behind) instead of the title above. Leave it empty for a neutral
            one: the country&rsquo;s name and &ldquo;meeting material&rdquo;.
          </p>
          <input
            id="counterpartTitle"
            className="field-input"
            value={state.counterpartTitle}
            maxLength={LIMITS.counterpartTitle}
            aria-invalid={fieldError("counterpartTitle") ? true : undefined}
            aria-describedby={`counterpartTitle-hint${fieldError("counterpartTitle") ? " counterpartTitle-error" : ""}`}
            onChange={(e) => setState((s) => ({ ...s, counterpartTitle: e.target.value }))}
          />
          <Error id="counterpartTitle-error" message={fieldError("counterpartTitle")} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {OCCASION.map(({ key, label, type }) => (
            <div key={key}>
              <label htmlFor={`occasion-${key}`} className="field-label">
                {label}
              </label>
              <input
                id={`occasion-${key}`}
                type={type ?? "text"}
                className="field-input"
                value={state.occasion[key]}
                maxLength={LIMITS.occasionField}
                aria-invalid={fieldError(`occasion.${key}`) ? true : undefined}
                aria-describedby={fieldError(`occasion.${key}`) ? `occasion-${key}-error` : undefined}
                onChange={(e) => setState((s) => ({ ...s, occasion: { ...s.occasion, [key]: e.target.value } }))}
              />
              <Error id={`occasion-${key}-error`} message={fieldError(`occasion.${key}`)} />
            </div>
          ))}
        </div>
      </section>
      <section className="card space-y-4 p-6" aria-labelledby="text-heading">
        <h2 id="text-heading" className="text-lg font-semibold text-ink">
          Your text
        </h2>
        {area("purpose", "Purpose", "One or two lines: what we want from the meeting.", LIMITS.purpose, 2)}
        {area(
          "keyMessages",
          "Key messages",
          "Points to make, one per line.",
          LIMITS.keyMessage * LIMITS.keyMessages,
          4,
        )}
        {area("background", "Background notes", "A terse summary in your own words.", LIMITS.background, 4)}
      </section>
    </div>
  );
}

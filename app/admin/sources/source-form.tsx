"use client";

import { useActionState, useRef } from "react";
import { z } from "zod";
import type { ActionState } from "@/app/_request/guard";
import { FormField, FormStatus } from "@/app/components/form-field";
import { fieldString } from "@/lib/admin/field-string";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";
import { SOURCE_FIELDS } from "@/lib/validation/source";
import { SelectField, TextAreaField } from "../components/fields";
import { saveSourceAction } from "./actions";

export type SourceFormValues = Partial<Record<string, string>>;

/** Add or edit a source. What was typed comes back with any error (React resets the form to these). */
export function SourceForm({ id, version, initial }: { id?: string; version?: number; initial: SourceFormValues }) {
  // Remounted after every answer (the round travels with the state, so both change at once):
  // React resets a form after its action, and a <select> would fall back to its first option.
  const [state, action, pending] = useActionState(
    async (prev: (ActionState<never> & { round?: number }) | null, fd: FormData) => {
      const result = await saveSourceAction(prev, fd);
      return result && { ...result, round: (prev?.round ?? 0) + 1 };
    },
    null,
  );
  const round = state?.round ?? 0;
  const failed = state && !state.ok ? state : null;
  const v = failed?.values ?? initial;
  const err = (f: string) => failed?.fieldErrors?.[f]?.[0];
  const formRef = useRef<HTMLFormElement>(null);
  // On a conflict: the stored values, shown under each field that differs; the next save is
  // made against the newer version, keeping what this admin typed unless they take theirs.
  const stored = failed?.status === 409 ? z.record(z.string(), z.unknown()).safeParse(failed.current) : null;
  const theirs = stored?.success
    ? Object.fromEntries(SOURCE_FIELDS.map((f) => [f, fieldString(stored.data[f])]))
    : null;
  const saveVersion = stored?.success ? Number(stored.data.version) : version;
  const saved = (name: string, label: string) => {
    if (!theirs || theirs[name] === (v[name] ?? "")) return null;
    const take = () => {
      const el = formRef.current?.elements.namedItem(name);
      if (el instanceof HTMLInputElement && el.type === "checkbox") el.checked = theirs[name] === "true";
      else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
        el.value = theirs[name];
    };
    const shown = theirs[name].length > 200 ? `${theirs[name].slice(0, 200)}…` : theirs[name];
    return (
      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-900" data-testid={`saved-${name}`}>
        Saved meanwhile: <span className="font-medium break-all">{shown || "(empty)"}</span>
        <button type="button" className="underline" onClick={take}>
          Use saved value<span className="sr-only"> for {label}</span>
        </button>
      </p>
    );
  };
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4" key={round}>
      {id && <input type="hidden" name="id" value={id} />}
      {saveVersion !== undefined && <input type="hidden" name="version" value={saveVersion} />}
      {theirs && (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm" data-testid="conflict">
          Someone else saved this source meanwhile. Their values are shown under each field that differs; take them or
          keep yours, then save again.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <FormField label="Title" name="title" defaultValue={v.title} error={err("title")} />
          {saved("title", "Title")}
        </div>
        <div>
          <FormField label="Publisher" name="publisher" defaultValue={v.publisher} error={err("publisher")} />
          {saved("publisher", "Publisher")}
        </div>
        <div>
          <FormField
            label="Dateline"
            name="dateline"
            defaultValue={v.dateline}
            error={err("dateline")}
            hint="The place line as printed, if any."
          />
          {saved("dateline", "Dateline")}
        </div>
        <div>
          <FormField label="URL" name="url" type="url" defaultValue={v.url} error={err("url")} />
          {saved("url", "URL")}
        </div>
      </div>
      <div>
        <TextAreaField
          label="Publisher note"
          name="publisherNote"
          rows={2}
          defaultValue={v.publisherNote}
          error={err("publisherNote")}
        />
        {saved("publisherNote", "Publisher note")}
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-ink">Published</legend>
        <div>
          <FormField
            label="Earliest day"
            name="publishedStart"
            placeholder="YYYY-MM-DD"
            defaultValue={v.publishedStart}
            error={err("publishedStart")}
          />
          {saved("publishedStart", "Earliest day")}
        </div>
        <div>
          <FormField
            label="Latest day"
            name="publishedEnd"
            placeholder="YYYY-MM-DD"
            defaultValue={v.publishedEnd}
            error={err("publishedEnd")}
          />
          {saved("publishedEnd", "Latest day")}
        </div>
        <SelectField
          label="Precision"
          name="publishedPrecision"
          defaultValue={v.publishedPrecision ?? "day"}
          error={err("publishedPrecision")}
        >
          {DATE_PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        {saved("publishedPrecision", "Precision")}
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input
            type="checkbox"
            name="publishedInferred"
            value="true"
            defaultChecked={v.publishedInferred === "true"}
          />
          The date was inferred, not printed
        </label>
        {saved("publishedInferred", "Inferred")}
        <div className="sm:col-span-3">
          <TextAreaField
            label="Date note"
            name="publishedNote"
            rows={2}
            defaultValue={v.publishedNote}
            error={err("publishedNote")}
          />
          {saved("publishedNote", "Date note")}
        </div>
      </fieldset>
      <div>
        <TextAreaField
          label="Full text"
          name="fullText"
          rows={14}
          defaultValue={v.fullText}
          error={err("fullText")}
          hint="Paste the article exactly; facts quote it verbatim."
        />
        {saved("fullText", "Full text")}
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : "Save source"}
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

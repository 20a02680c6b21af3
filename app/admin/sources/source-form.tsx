"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/next/guard";
import { FormField, FormStatus } from "@/app/components/form-field";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";
import { SelectField, TextAreaField } from "../components/fields";
import { saveSourceAction } from "./actions";

export type SourceFormValues = Partial<Record<string, string>>;

/** Add or edit a source. What was typed comes back with any error (React resets the form to these). */
export function SourceForm({ id, version, initial }: { id?: string; version?: number; initial: SourceFormValues }) {
  // Remounted after every answer (the round travels with the state, so both change at once):
  // React resets a form after its action, and a <select> would fall back to its first option.
  const [state, action, pending] = useActionState(async (prev: (ActionState<never> & { round?: number }) | null, fd: FormData) => {
    const result = await saveSourceAction(prev, fd);
    return result && { ...result, round: (prev?.round ?? 0) + 1 };
  }, null);
  const round = state?.round ?? 0;
  const failed = state && !state.ok ? state : null;
  const v = failed?.values ?? initial;
  const err = (f: string) => failed?.fieldErrors?.[f]?.[0];
  return (
    <form action={action} noValidate className="space-y-4" key={round}>
      {id && <input type="hidden" name="id" value={id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {failed?.status === 409 && (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
          {failed.message} <a href={`/admin/sources/${id ?? ""}/edit`} className="text-accent underline">Reload the source</a>; your text is still in the form below to copy.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Title" name="title" defaultValue={v.title} error={err("title")} />
        <FormField label="Publisher" name="publisher" defaultValue={v.publisher} error={err("publisher")} />
        <FormField label="Dateline" name="dateline" defaultValue={v.dateline} error={err("dateline")} hint="The place line as printed, if any." />
        <FormField label="URL" name="url" type="url" defaultValue={v.url} error={err("url")} />
      </div>
      <TextAreaField label="Publisher note" name="publisherNote" rows={2} defaultValue={v.publisherNote} error={err("publisherNote")} />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-ink">Published</legend>
        <FormField label="Earliest day" name="publishedStart" placeholder="YYYY-MM-DD" defaultValue={v.publishedStart} error={err("publishedStart")} />
        <FormField label="Latest day" name="publishedEnd" placeholder="YYYY-MM-DD" defaultValue={v.publishedEnd} error={err("publishedEnd")} />
        <SelectField label="Precision" name="publishedPrecision" defaultValue={v.publishedPrecision ?? "day"} error={err("publishedPrecision")}>
          {DATE_PRECISIONS.map((p) => <option key={p} value={p}>{p}</option>)}
        </SelectField>
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input type="checkbox" name="publishedInferred" value="true" defaultChecked={v.publishedInferred === "true"} />
          The date was inferred, not printed
        </label>
        <div className="sm:col-span-3"><TextAreaField label="Date note" name="publishedNote" rows={2} defaultValue={v.publishedNote} error={err("publishedNote")} /></div>
      </fieldset>
      <TextAreaField label="Full text" name="fullText" rows={14} defaultValue={v.fullText} error={err("fullText")} hint="Paste the article exactly; facts quote it verbatim." />
      <div className="flex items-center gap-4">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Saving…" : "Save source"}</button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

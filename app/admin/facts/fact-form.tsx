"use client";

import { useActionState, useState, type FormEvent } from "react";
import { FormField, FormStatus } from "@/app/components/form-field";
import { FACT_KINDS, FIGURE_RANKS } from "@/lib/model/facts";
import { HANDLING_LABELS, HANDLING_VALUES, MARKINGS } from "@/lib/model/handling";
import type { FactFormOptions } from "@/db/queries/facts/get-fact-form-options";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";
import { savedRecord } from "@/lib/admin/conflict";
import { factToFormValues, mergeOnConflict, submittedToFormValues, type FactFormValues } from "@/lib/admin/fact-form";
import type { ActionState } from "@/app/_request/guard";
import { factFormSchema, type FactField } from "@/lib/validation/fact";
import { CheckboxGroup, SelectField, TextAreaField } from "../components/fields";
import { useFocusFirstError } from "../components/use-focus-first-error";
import { saveFactAction } from "./actions";
import { ConflictPanel, type Conflict } from "./conflict-panel";

interface Props {
  id?: string;
  version?: number;
  initial: FactFormValues;
  options: FactFormOptions;
}

function zodErrors(values: FactFormValues): Record<string, string[]> | null {
  const parsed = factFormSchema.safeParse(values);
  if (parsed.success) return null;
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return out;
}

export function FactForm({ id, version, initial, options }: Props) {
  const [values, setValues] = useState(initial);
  // What this form was loaded at (moves on after a conflict), and the version to send.
  const [base, setBase] = useState({ values: initial, version });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [state, action, pending] = useActionState(
    async (prev: ActionState<never>, formData: FormData): Promise<ActionState<never>> => {
      const result = await saveFactAction(prev, formData);
      const current = result && !result.ok && result.status === 409 ? savedRecord(result.current) : null;
      if (current && result && !result.ok) {
        const theirs = factToFormValues(current);
        const mine = submittedToFormValues(result.values ?? {});
        const { merged, differing } = mergeOnConflict(base.values, mine, theirs);
        setConflict({ mine, theirs, differing, version: current.version });
        setBase({ values: theirs, version: current.version });
        setValues(merged);
      }
      return result;
    },
    null,
  );

  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errors = clientErrors ?? serverErrors;
  const err = (f: FactField) => errors[f]?.[0];
  const set = (f: FactField) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const isFigure = values.kind === "figure";
  const formRef = useFocusFirstError(clientErrors ?? (state && !state.ok && state.status === 400 ? state : null));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const problems = zodErrors(values);
    setClientErrors(problems);
    if (problems) e.preventDefault();
  }

  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} noValidate className="space-y-6">
      {id && <input type="hidden" name="id" value={id} />}
      {base.version !== undefined && <input type="hidden" name="version" value={base.version} />}
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          values={values}
          onPick={(f, v) => setValues((cur) => ({ ...cur, [f]: v }))}
          options={options}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Kind" name="kind" value={values.kind} onChange={set("kind")} error={err("kind")}>
          <option value="">Choose…</option>
          {FACT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Source"
          name="sourceId"
          value={values.sourceId}
          onChange={set("sourceId")}
          error={err("sourceId")}
        >
          <option value="">Choose…</option>
          {options.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title ?? s.id} ({s.publishedStart})
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Text"
        name="text"
        value={values.text}
        onChange={set("text")}
        error={err("text")}
        hint="The fact in a neutral sentence."
      />
      <TextAreaField
        label="Quote (verbatim from the source)"
        name="quote"
        value={values.quote}
        onChange={set("quote")}
        error={err("quote")}
        hint="Must appear exactly so in the source's text."
      />
      <SelectField
        label="Meeting"
        name="meetingId"
        value={values.meetingId}
        onChange={set("meetingId")}
        error={err("meetingId")}
      >
        <option value="">None</option>
        {options.meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
            {m.dateStart ? ` (${m.dateStart})` : ""}
          </option>
        ))}
      </SelectField>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-ink">Date</legend>
        <FormField
          label="Earliest day"
          name="dateStart"
          placeholder="YYYY-MM-DD"
          value={values.dateStart}
          onChange={set("dateStart")}
          error={err("dateStart")}
        />
        <FormField
          label="Latest day"
          name="dateEnd"
          placeholder="YYYY-MM-DD"
          value={values.dateEnd}
          onChange={set("dateEnd")}
          error={err("dateEnd")}
        />
        <SelectField
          label="Precision"
          name="datePrecision"
          value={values.datePrecision}
          onChange={set("datePrecision")}
          error={err("datePrecision")}
        >
          <option value="">Choose…</option>
          {DATE_PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input
            type="checkbox"
            name="dateInferred"
            value="true"
            checked={values.dateInferred === "true"}
            onChange={(e) => setValues((v) => ({ ...v, dateInferred: e.target.checked ? "true" : "" }))}
          />
          The date was inferred from context, not printed
        </label>
        <div className="sm:col-span-3">
          <TextAreaField
            label="Date note"
            name="dateNote"
            rows={2}
            value={values.dateNote}
            onChange={set("dateNote")}
            error={err("dateNote")}
            hint="Required when inferred: how the date was worked out."
          />
        </div>
      </fieldset>
      <div className="grid gap-6 sm:grid-cols-2">
        <CheckboxGroup
          legend="Parties"
          name="partyIds"
          options={options.parties}
          selected={values.partyIds ? values.partyIds.split(",") : []}
          onChange={(ids) => setValues((v) => ({ ...v, partyIds: ids.join(",") }))}
          error={err("partyIds")}
        />
        <CheckboxGroup
          legend="Topics"
          name="topicIds"
          options={options.topics}
          selected={values.topicIds ? values.topicIds.split(",") : []}
          onChange={(ids) => setValues((v) => ({ ...v, topicIds: ids.join(",") }))}
          error={err("topicIds")}
        />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3" aria-describedby="figure-hint">
        <legend className="mb-2 text-sm font-semibold text-ink">Figure</legend>
        <p id="figure-hint" className="text-xs text-slate-500 sm:col-span-3">
          {isFigure
            ? "Metric key, value and unit are required for a figure."
            : "Only for facts of kind figure; leave empty otherwise."}
        </p>
        <FormField
          label="Metric key"
          name="metricKey"
          value={values.metricKey}
          onChange={set("metricKey")}
          error={err("metricKey")}
        />
        <FormField
          label="Value"
          name="value"
          inputMode="decimal"
          value={values.value}
          onChange={set("value")}
          error={err("value")}
        />
        <FormField label="Unit" name="unit" value={values.unit} onChange={set("unit")} error={err("unit")} />
        <FormField
          label="Currency"
          name="currency"
          value={values.currency}
          onChange={set("currency")}
          error={err("currency")}
        />
        <FormField
          label="Period label"
          name="periodLabel"
          value={values.periodLabel}
          onChange={set("periodLabel")}
          error={err("periodLabel")}
        />
        <SelectField
          label="Rank among conflicting values"
          name="rank"
          value={values.rank}
          onChange={set("rank")}
          error={err("rank")}
        >
          {FIGURE_RANKS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input
            type="checkbox"
            name="approximate"
            value="true"
            checked={values.approximate === "true"}
            onChange={(e) => setValues((v) => ({ ...v, approximate: e.target.checked ? "true" : "" }))}
          />
          Approximate: the source says “about” (printed “about …”)
        </label>
        {err("approximate") && (
          <p className="text-sm text-red-700 sm:col-span-3" role="alert">
            {err("approximate")}
          </p>
        )}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3" aria-describedby="handling-hint">
        <legend className="mb-2 text-sm font-semibold text-ink">Handling</legend>
        <SelectField
          label="Handling"
          name="handling"
          value={values.handling}
          onChange={set("handling")}
          error={err("handling")}
        >
          {HANDLING_VALUES.map((h) => (
            <option key={h} value={h}>
              {HANDLING_LABELS[h]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Marking"
          name="marking"
          value={values.marking}
          onChange={set("marking")}
          error={err("marking")}
        >
          {MARKINGS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </SelectField>
        <p id="handling-hint" className="text-xs text-slate-500 sm:col-span-3">
          Releasable facts may be shared with the counterpart, so they are never SECRET. A briefing is marked at least
          as high as the facts it includes.
        </p>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : conflict ? "Save with my choices" : "Save fact"}
        </button>
        <FormStatus state={clientErrors ? { ok: false, message: "Some fields need attention." } : state} />
      </div>
    </form>
  );
}

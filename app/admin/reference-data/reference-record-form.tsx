"use client";

import { useActionState, useState } from "react";
import { FormField, FormStatus } from "@/app/components/form-field";
import { fieldString } from "@/lib/admin/field-string";
import { REFERENCE_DATA_SPECS, type FieldSpec } from "@/lib/admin/reference-data";
import { savedRecord } from "@/lib/admin/conflict";
import type { ActionState } from "@/app/_request/guard";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { SelectField, TextAreaField } from "../components/fields";
import { useFocusFirstError } from "../components/use-focus-first-error";
import { saveMeetingAction, savePartyAction, savePersonAction, saveTopicAction } from "./actions";

const ACTIONS = {
  party: savePartyAction,
  topic: saveTopicAction,
  person: savePersonAction,
  meeting: saveMeetingAction,
};

/**
 * The edit form of every kind of reference data. On a conflict the newer stored value is
 * shown under each field that differs, with a button to take it; the form keeps what the
 * admin typed and the next save is made against the newer version.
 */
export function ReferenceRecordForm({
  kind,
  id,
  version,
  initial,
  parties,
}: {
  kind: ReferenceKind;
  id?: string;
  version?: number;
  initial: Record<string, string>;
  parties: { id: string; name: string }[];
}) {
  const spec = REFERENCE_DATA_SPECS[kind];
  const [values, setValues] = useState(initial);
  const [theirs, setTheirs] = useState<{ values: Record<string, string>; version: number } | null>(null);
  const [state, action, pending] = useActionState(
    async (prev: ActionState<never>, fd: FormData): Promise<ActionState<never>> => {
      const result = await ACTIONS[kind](prev, fd);
      const current = result && !result.ok && result.status === 409 ? savedRecord(result.current) : null;
      if (current)
        setTheirs({
          values: Object.fromEntries(spec.fields.map((f) => [f.name, fieldString(current[f.name])])),
          version: current.version,
        });
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formRef = useFocusFirstError(state && !state.ok && state.status === 400 ? state : null);
  const set = (name: string, v: string) => setValues((cur) => ({ ...cur, [name]: v }));

  function field(f: FieldSpec) {
    const common = { label: f.label, name: f.name, error: errors[f.name]?.[0], hint: f.hint };
    if (f.type === "checkbox") {
      return (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name={f.name}
            value="true"
            checked={values[f.name] === "true"}
            onChange={(e) => set(f.name, e.target.checked ? "true" : "")}
          />
          {f.label}
        </label>
      );
    }
    if (f.type === "textarea")
      return <TextAreaField {...common} value={values[f.name] ?? ""} onChange={(e) => set(f.name, e.target.value)} />;
    if (f.type === "select") {
      const options =
        f.options === "parties"
          ? [{ id: "", name: "None" }, ...parties]
          : (f.options ?? []).map((o) => ({ id: o, name: o || "Unknown" }));
      return (
        <SelectField {...common} value={values[f.name] ?? ""} onChange={(e) => set(f.name, e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      );
    }
    return <FormField {...common} value={values[f.name] ?? ""} onChange={(e) => set(f.name, e.target.value)} />;
  }

  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      {id && <input type="hidden" name="id" value={id} />}
      {(theirs?.version ?? version) !== undefined && (
        <input type="hidden" name="version" value={theirs?.version ?? version} />
      )}
      {theirs && (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm" data-testid="conflict">
          Someone else saved this {spec.singular} meanwhile. Their values are shown under each field that differs; take
          them or keep yours, then save again.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {spec.fields.map((f) => (
          <div key={f.name} className={f.type === "textarea" ? "sm:col-span-2" : undefined}>
            {field(f)}
            {theirs && theirs.values[f.name] !== values[f.name] && (
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-900">
                Saved meanwhile: <span className="font-medium break-all">{theirs.values[f.name] || "(empty)"}</span>
                <button type="button" className="underline" onClick={() => set(f.name, theirs.values[f.name])}>
                  Use saved value<span className="sr-only"> for {f.label}</span>
                </button>
              </p>
            )}
          </div>
        ))}
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : `Save ${spec.singular}`}
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import type { ActionState } from "@/app/_request/guard";
import { FormField, FormStatus } from "@/app/components/form-field";
import { SelectField, TextAreaField } from "../../components/fields";
import { savePersonRoleAction } from "./actions";

type Option = { id: string; name: string };

/** Adds a role (no `role`) or edits one; ids are prefixed so several forms can share a page. */
export function RoleForm({
  personId,
  role,
  parties,
  sources,
}: {
  personId: string;
  role?: Record<string, string> & { id: string; version: string };
  parties: Option[];
  sources: Option[];
}) {
  // Remounted after every answer (the round travels with the state, so both change at once):
  // React resets a form after its action, and a <select> would fall back to its first option.
  const [state, action, pending] = useActionState(
    async (prev: (ActionState<{ id: string; version: number }> & { round?: number }) | null, fd: FormData) => {
      const result = await savePersonRoleAction(prev, fd);
      return result && { ...result, round: (prev?.round ?? 0) + 1 };
    },
    null,
  );
  const round = state?.round ?? 0;
  const failed = state && !state.ok ? state : null;
  const v = failed?.values ?? role ?? {};
  const err = (f: string) => failed?.fieldErrors?.[f]?.[0];
  const p = role ? `role-${role.id}` : "new-role";
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2" key={round}>
      <input type="hidden" name="personId" value={personId} />
      {role && <input type="hidden" name="id" value={role.id} />}
      {role && <input type="hidden" name="version" value={role.version} />}
      <FormField id={`${p}-title`} label="Title" name="title" defaultValue={v.title} error={err("title")} />
      <SelectField id={`${p}-party`} label="Party" name="partyId" defaultValue={v.partyId ?? ""} error={err("partyId")}>
        <option value="">Choose…</option>
        {parties.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <FormField
        id={`${p}-from`}
        label="From"
        name="validFrom"
        placeholder="YYYY-MM-DD"
        defaultValue={v.validFrom}
        error={err("validFrom")}
      />
      <FormField
        id={`${p}-to`}
        label="To"
        name="validTo"
        placeholder="YYYY-MM-DD"
        defaultValue={v.validTo}
        error={err("validTo")}
      />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input
          type="checkbox"
          name="attestedOnly"
          value="true"
          defaultChecked={(v.attestedOnly ?? "true") === "true"}
        />
        The dates are only when a source shows the title in use (not appointment dates)
      </label>
      <SelectField
        id={`${p}-source`}
        label="Source"
        name="sourceId"
        defaultValue={v.sourceId ?? ""}
        error={err("sourceId")}
      >
        <option value="">None</option>
        {sources.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${p}-quote`}
        label="Quote"
        name="quote"
        rows={2}
        defaultValue={v.quote}
        error={err("quote")}
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-secondary" disabled={pending}>
          {role ? "Save role" : "Add role"}
        </button>
        <FormStatus state={state} success={role ? "Role saved." : "Role added."} />
      </div>
    </form>
  );
}

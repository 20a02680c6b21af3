"use client";

import { useActionState } from "react";
import { FormField, FormStatus } from "@/app/components/form-field";
import { CLEARANCE_LEVELS, DEFAULT_CLEARANCE_LEVEL } from "@/lib/model/handling";
import { createUserAction } from "./actions";

export function NewUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={action} className="mt-4 grid gap-4 sm:grid-cols-2" noValidate key={state?.ok ? "reset" : "keep"}>
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={values.email}
        error={errors.email?.[0]}
      />
      <FormField label="Name" name="name" defaultValue={values.name} error={errors.name?.[0]} />
      <div>
        <label htmlFor="role" className="field-label">
          Role
        </label>
        <select id="role" name="role" className="field-input" defaultValue={values.role ?? "staff"}>
          <option value="staff">Staff</option>
          <option value="admin">Administrator</option>
        </select>
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="clearer" defaultChecked={values.clearer === "on"} />
          Clearer (may clear briefings)
        </label>
      </div>
      <div>
        <label htmlFor="new-user-clearance" className="field-label">
          Clearance level
        </label>
        <select
          id="new-user-clearance"
          name="clearanceLevel"
          className="field-input"
          defaultValue={values.clearanceLevel ?? DEFAULT_CLEARANCE_LEVEL}
          aria-invalid={errors.clearanceLevel ? true : undefined}
          aria-describedby={errors.clearanceLevel ? "new-user-clearance-error" : "new-user-clearance-hint"}
        >
          {CLEARANCE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
        <p id="new-user-clearance-hint" className="mt-1 text-xs text-slate-600">
          The highest marking they may see.
        </p>
        {errors.clearanceLevel && (
          <p id="new-user-clearance-error" className="field-error">
            {errors.clearanceLevel[0]}
          </p>
        )}
      </div>
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={errors.password?.[0]}
      />
      <div className="flex items-center gap-4 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </button>
        <FormStatus state={state} success={state?.ok ? "User added." : undefined} />
      </div>
    </form>
  );
}

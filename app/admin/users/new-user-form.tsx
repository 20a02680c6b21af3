"use client";

import { useActionState } from "react";
import { FormField, FormStatus } from "@/app/components/form-field";
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

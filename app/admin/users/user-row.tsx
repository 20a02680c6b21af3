"use client";

import { useActionState } from "react";
import { FormStatus } from "@/app/components/form-field";
import { CLEARANCE_LEVELS, type ClearanceLevel } from "@/lib/model/handling";
import {
  changeClearanceLevelAction,
  changeRoleAction,
  resetSecondFactorAction,
  setDisabledAction,
  setPasswordAction,
} from "./actions";
import { HandOverForm } from "./hand-over-form";

interface RowUser {
  id: string;
  email: string;
  name: string;
  role: "staff" | "admin";
  clearer: boolean;
  clearanceLevel: ClearanceLevel;
  disabled: boolean;
  demo: boolean;
  secondFactor: "on" | "setting-up" | "off";
}

const SECOND_FACTOR_LABELS = { on: "On", "setting-up": "Being set up", off: "Off" } as const;

export function UserRow({
  user,
  self,
  askActorCode,
  ownedBriefings = 0,
}: {
  user: RowUser;
  self: boolean;
  askActorCode: boolean;
  /** A disabled user's briefings, which an administrator may hand over. */
  ownedBriefings?: number;
}) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [statusState, statusAction, statusPending] = useActionState(setDisabledAction, null);
  const [pwState, pwAction, pwPending] = useActionState(setPasswordAction, null);
  const pwError = pwState && !pwState.ok ? (pwState.fieldErrors?.password?.[0] ?? pwState.message) : undefined;
  return (
    <tr className="border-t border-slate-200 align-top" data-testid={`user-${user.email}`}>
      <td className="px-4 py-3">
        <p className="font-medium text-ink">
          {user.name}
          {self && <span className="ml-2 text-xs text-slate-500">(you)</span>}
        </p>
        <p className="text-slate-600">{user.email}</p>
        {user.demo && <p className="mt-1 text-xs text-amber-800">Demo account with its published password</p>}
      </td>
      <td className="px-4 py-3">
        <form action={roleAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`role-${user.id}`} className="sr-only">
            Role of {user.email}
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="field-input mt-0 w-36">
            <option value="staff">Staff</option>
            <option value="admin">Administrator</option>
          </select>
          <label className="flex items-center gap-1 text-sm text-slate-700">
            <input type="checkbox" name="clearer" defaultChecked={user.clearer} />
            Clearer<span className="sr-only"> ({user.email})</span>
          </label>
          <button type="submit" className="btn-secondary" disabled={rolePending}>
            Change
          </button>
        </form>
        <FormStatus state={roleState} success="Role changed." />
      </td>
      <td className="px-4 py-3">
        <ClearanceLevelForm user={user} />
      </td>
      <td className="px-4 py-3">
        <form action={statusAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <p className={user.disabled ? "mb-2 font-medium text-red-700" : "mb-2 text-green-800"}>
            {user.disabled ? "Disabled" : "Active"}
          </p>
          <button type="submit" className={user.disabled ? "btn-secondary" : "btn-danger"} disabled={statusPending}>
            {user.disabled ? "Enable" : "Disable"}
            <span className="sr-only"> {user.email}</span>
          </button>
        </form>
        <FormStatus state={statusState} />
        {user.disabled && <HandOverForm user={user} count={ownedBriefings} />}
      </td>
      <td className="px-4 py-3">
        <form action={pwAction} className="flex flex-wrap items-start gap-2" key={pwState?.ok ? "reset" : "keep"}>
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`pw-${user.id}`} className="sr-only">
            New password for {user.email}
          </label>
          <input
            id={`pw-${user.id}`}
            name="password"
            type="password"
            autoComplete="new-password"
            className="field-input mt-0 w-44"
            aria-invalid={pwError ? true : undefined}
            aria-describedby={pwError ? `pw-${user.id}-error` : undefined}
          />
          <button type="submit" className="btn-secondary" disabled={pwPending}>
            Set
          </button>
          {pwError && (
            <p id={`pw-${user.id}-error`} className="field-error w-full">
              {pwError}
            </p>
          )}
        </form>
        {pwState?.ok && <FormStatus state={pwState} success="Password set." />}
      </td>
      <td className="px-4 py-3">
        <SecondFactorCell user={user} self={self} askActorCode={askActorCode} />
      </td>
    </tr>
  );
}

/** The user's clearance level, and the control that sets it (the reason at the field when refused). */
function ClearanceLevelForm({ user }: { user: RowUser }) {
  const [state, action, pending] = useActionState(changeClearanceLevelAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.clearanceLevel?.[0] ?? state.message) : undefined;
  const id = `clearance-${user.id}`;
  return (
    <form action={action} className="flex flex-wrap items-start gap-2" data-testid="clearance-level-form">
      <input type="hidden" name="userId" value={user.id} />
      <label htmlFor={id} className="sr-only">
        Clearance level of {user.email}
      </label>
      <select
        id={id}
        name="clearanceLevel"
        defaultValue={user.clearanceLevel}
        className="field-input mt-0 w-48"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {CLEARANCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-secondary" disabled={pending}>
        Set<span className="sr-only"> clearance level of {user.email}</span>
      </button>
      {error && (
        <p id={`${id}-error`} className="field-error w-full">
          {error}
        </p>
      )}
      {state?.ok && <FormStatus state={state} success="Clearance level set." />}
    </form>
  );
}

/** The user's second factor and, for another user who has one, the reset (ending their sessions). */
function SecondFactorCell({ user, self, askActorCode }: { user: RowUser; self: boolean; askActorCode: boolean }) {
  const [state, action, pending] = useActionState(resetSecondFactorAction, null);
  const codeError = state && !state.ok ? state.fieldErrors?.actorCode?.[0] : undefined;
  const label = SECOND_FACTOR_LABELS[user.secondFactor];
  if (state?.ok) return <FormStatus state={state} success="Reset: signed out, sets it up again." />;
  return (
    <div data-testid="second-factor-cell">
      <p className="mb-2" data-testid="second-factor-label">
        {label}
      </p>
      {self && user.secondFactor !== "off" && <p className="text-xs text-slate-600">Your own: change it on Account.</p>}
      {!self && user.secondFactor !== "off" && (
        <form action={action} className="flex flex-wrap items-start gap-2" noValidate>
          <input type="hidden" name="userId" value={user.id} />
          {askActorCode && (
            <div>
              <label htmlFor={`reset-code-${user.id}`} className="text-xs text-slate-700">
                Your own code<span className="sr-only"> to reset the second factor of {user.email}</span>
              </label>
              <input
                id={`reset-code-${user.id}`}
                name="actorCode"
                autoComplete="one-time-code"
                spellCheck={false}
                className="field-input mt-0 w-28"
                aria-invalid={codeError ? true : undefined}
                aria-describedby={codeError ? `reset-code-${user.id}-error` : undefined}
              />
            </div>
          )}
          <button type="submit" className="btn-danger" disabled={pending}>
            Reset<span className="sr-only"> two-step verification of {user.email}</span>
          </button>
          {codeError && (
            <p id={`reset-code-${user.id}-error`} className="field-error w-full">
              {codeError}
            </p>
          )}
        </form>
      )}
      {state && !state.ok && !codeError && <FormStatus state={state} />}
    </div>
  );
}

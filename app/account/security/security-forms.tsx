"use client";

import type React from "react";
import Link from "next/link";
import { useActionState } from "react";
import { FormField, FormStatus } from "@/app/components/form-field";
import { confirmSetupAction, replaceRecoveryCodesAction, startSetupAction, turnOffAction } from "./actions";

export function StartSetupForm() {
  const [state, action, pending] = useActionState(startSetupAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-4">
      <button type="submit" className="btn-primary" disabled={pending}>
        Set up two-step verification
      </button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}

export function ConfirmSetupForm() {
  const [state, action, pending] = useActionState(confirmSetupAction, null);
  if (state?.ok && state.data)
    return (
      <RecoveryCodes
        codes={state.data.recoveryCodes}
        intro={<p className="font-medium text-green-800">Two-step verification is on.</p>}
      />
    );
  const error = state && !state.ok ? (state.fieldErrors?.code?.[0] ?? state.message) : undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-4" noValidate>
      <div className="w-48">
        <FormField
          label="Code from the app"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          error={error}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        Turn on
      </button>
    </form>
  );
}

function RecoveryCodes({ codes, intro }: { codes: string[]; intro: React.ReactNode }) {
  return (
    <div className="space-y-3" role="status">
      {intro}
      <h3 className="text-base font-semibold text-ink">Your recovery codes</h3>
      <p className="text-sm text-slate-700">
        Keep these somewhere safe, apart from your phone: each one signs you in once if you lose the phone. They are
        shown only now.
      </p>
      <ul
        className="grid max-w-md grid-cols-1 gap-1 rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-sm sm:grid-cols-2"
        data-testid="recovery-codes"
        aria-label="Recovery codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Link href="/account/security" className="btn-secondary inline-block">
        I have saved them
      </Link>
    </div>
  );
}

export function TurnOffForm() {
  const [state, action, pending] = useActionState(turnOffAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form
      action={action}
      className="grid gap-4 sm:grid-cols-2"
      noValidate
      key={state?.ok ? "done" : "form"}
      aria-label="Turn off two-step verification"
    >
      <ReauthenticationFields idPrefix="turn-off" failed={failed}>
        <button type="submit" className="btn-danger" disabled={pending}>
          Turn off two-step verification
        </button>
      </ReauthenticationFields>
    </form>
  );
}

/** Password and a current code for ten new recovery codes; the old ones stop working. */
export function ReplaceRecoveryCodesForm() {
  const [state, action, pending] = useActionState(replaceRecoveryCodesAction, null);
  if (state?.ok && state.data)
    return (
      <RecoveryCodes
        codes={state.data.recoveryCodes}
        intro={<p className="font-medium text-green-800">New recovery codes made: the old ones no longer work.</p>}
      />
    );
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="New recovery codes">
      <ReauthenticationFields idPrefix="new-codes" failed={failed}>
        <button type="submit" className="btn-secondary" disabled={pending}>
          Make new recovery codes
        </button>
      </ReauthenticationFields>
    </form>
  );
}

type ReauthenticationFailure = { fieldErrors?: { password?: string[]; code?: string[] }; message?: string; ok: false };

/**
 * The password and code fields both re-authentication forms ask for (ids of their own: both
 * forms are on one page), their errors at the fields, and the button row with any other error.
 */
function ReauthenticationFields({
  idPrefix,
  failed,
  children,
}: {
  idPrefix: string;
  failed: ReauthenticationFailure | null;
  children: React.ReactNode;
}) {
  return (
    <>
      <FormField
        label="Password"
        name="password"
        id={`${idPrefix}-password`}
        type="password"
        autoComplete="current-password"
        error={failed?.fieldErrors?.password?.[0]}
      />
      <FormField
        label="Code"
        name="code"
        id={`${idPrefix}-code`}
        autoComplete="one-time-code"
        spellCheck={false}
        error={failed?.fieldErrors?.code?.[0]}
      />
      <div className="flex items-center gap-4 sm:col-span-2">
        {children}
        {failed && !failed.fieldErrors?.code && !failed.fieldErrors?.password && <FormStatus state={failed} />}
      </div>
    </>
  );
}

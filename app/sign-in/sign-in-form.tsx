"use client";

import { useActionState } from "react";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const failed = state && !state.ok ? state : null;
  // The code step follows a right password, and stays while codes are refused.
  const codeStep = (state?.ok && state.data?.step === "code") || failed?.values?.step === "code";
  return codeStep ? (
    <CodeForm action={action} pending={pending} failed={failed} callbackUrl={callbackUrl} />
  ) : (
    <PasswordForm action={action} pending={pending} failed={failed} callbackUrl={callbackUrl} />
  );
}

interface StepProps {
  action: (formData: FormData) => void;
  pending: boolean;
  failed: { message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> } | null;
  callbackUrl: string;
}

function ErrorBox({ failed }: { failed: StepProps["failed"] }) {
  return (
    <div
      role="alert"
      id="sign-in-error"
      className={failed ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}
    >
      {failed?.message ?? ""}
    </div>
  );
}

function PasswordForm({ action, pending, failed, callbackUrl }: StepProps) {
  const emailError = failed?.fieldErrors?.email?.[0];
  const passwordError = failed?.fieldErrors?.password?.[0];
  return (
    <form action={action} className="space-y-5" noValidate aria-describedby={failed ? "sign-in-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <ErrorBox failed={failed} />
      <div>
        <label htmlFor="email" className="field-label">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="field-input"
          defaultValue={failed?.values?.email ?? ""}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
        />
        {emailError && (
          <p id="email-error" className="field-error">
            {emailError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="field-label">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="field-input"
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "password-error" : undefined}
        />
        {passwordError && (
          <p id="password-error" className="field-error">
            {passwordError}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

function CodeForm({ action, pending, failed, callbackUrl }: StepProps) {
  const codeError = failed?.fieldErrors?.code?.[0];
  return (
    <form action={action} className="space-y-5" noValidate aria-describedby="code-help">
      <input type="hidden" name="step" value="code" />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <h2 className="text-lg font-semibold text-ink">Two-step verification</h2>
      <p id="code-help" className="text-sm text-slate-600">
        Your password was right. Enter the six-digit code your authenticator app shows for Chancery, or one of your
        recovery codes.
      </p>
      <ErrorBox failed={failed && !codeError ? failed : null} />
      <div>
        <label htmlFor="code" className="field-label">
          Code
        </label>
        <input
          id="code"
          name="code"
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          autoFocus
          className="field-input"
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? "code-error" : undefined}
        />
        {codeError && (
          <p id="code-error" role="alert" className="field-error">
            {codeError}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Checking…" : "Verify"}
      </button>
      <p className="text-sm">
        <a href="/sign-in" className="text-accent underline">
          Start again
        </a>{" "}
        <span className="text-slate-600">(another account, or the code step took too long)</span>
      </p>
    </form>
  );
}

import type { Metadata } from "next";
import { getSecondFactorStatus } from "@/db/queries/two-factor/get-second-factor-status";
import { requirePageActor } from "@/app/_request/session";
import { authSettings } from "@/lib/auth/config";
import { qrCodeDataUrl } from "@/lib/auth/qr-code";
import {
  formatManualKey,
  RECOVERY_CODE_COUNT,
  secondFactorRequired,
  totpUri,
  TOTP_ISSUER,
} from "@/lib/auth/two-factor";
import { ConfirmSetupForm, ReplaceRecoveryCodesForm, StartSetupForm, TurnOffForm } from "./security-forms";

export const metadata: Metadata = { title: "Account security" };
export const dynamic = "force-dynamic";

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) +
  " UTC";

/**
 * The signed-in user's own second factor: set it up (QR code and manual key, confirmed with a
 * code, then ten recovery codes shown once), see it is on, or turn it off (password and a
 * code). Reachable by a user whose role requires a second factor before they have one.
 */
export default async function AccountSecurityPage() {
  const actor = await requirePageActor("/account/security", { beforeEnrolment: true });
  const status = await getSecondFactorStatus({ actor });
  const required = secondFactorRequired(actor, authSettings.secondFactorRoles().roles);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="page-title">Account security</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as {actor.name} ({actor.email}).
        </p>
      </div>
      {required && status.state !== "on" && (
        <div
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="second-factor-required"
        >
          <p className="font-medium">Two-step verification is required for your role.</p>
          <p className="mt-1">Set it up to go on using Chancery: until then every other page leads here.</p>
        </div>
      )}
      <section aria-labelledby="two-step-heading" className="card space-y-4 p-6">
        <h2 id="two-step-heading" className="text-lg font-semibold text-ink">
          Two-step verification
        </h2>
        {status.state === "off" && (
          <>
            <p className="text-sm text-slate-700" data-testid="second-factor-state">
              Off. With it on, signing in asks for your password and then a six-digit code from an authenticator app on
              your phone (any app that supports time-based codes, RFC 6238).
            </p>
            <StartSetupForm />
          </>
        )}
        {status.state === "setting-up" && <SetUp secret={status.secret} account={actor.email} />}
        {status.state === "on" && (
          <>
            <p className="text-sm text-slate-700" data-testid="second-factor-state">
              On since {dateTime(status.enabledAt)}. {status.recoveryCodesLeft} of {RECOVERY_CODE_COUNT} recovery codes
              left.
            </p>
            {status.recoveryCodesLeft <= 3 && (
              <p className="text-sm text-amber-900" data-testid="few-recovery-codes">
                Few recovery codes are left: make new ones below.
              </p>
            )}
            <h3 className="text-base font-semibold text-ink">New recovery codes</h3>
            <p className="text-sm text-slate-600">
              Confirm with your password and a current code to get ten new recovery codes; the old ones stop working.
            </p>
            <ReplaceRecoveryCodesForm />
            <h3 className="text-base font-semibold text-ink">Turn it off</h3>
            <p className="text-sm text-slate-600">
              Confirm with your password and a current code (or a recovery code).
              {required && " Your role requires it: you will be asked to set it up again."}
            </p>
            <TurnOffForm />
          </>
        )}
      </section>
    </div>
  );
}

async function SetUp({ secret, account }: { secret: string; account: string }) {
  const qr = await qrCodeDataUrl(totpUri(secret, account));
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
        <li>
          In your authenticator app, add an account by scanning this QR code:
          {/* A data URL made on the server: next/image has nothing to optimise. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={qr}
            width={192}
            height={192}
            alt={`QR code that adds ${TOTP_ISSUER} (${account}) to an authenticator app`}
            className="mt-2 rounded border border-slate-200"
            data-testid="totp-qr"
          />
        </li>
        <li>
          Or type this key into the app (time-based, six digits, every 30 seconds):{" "}
          <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm tracking-wide" data-testid="manual-key">
            {formatManualKey(secret)}
          </code>
        </li>
        <li>Enter the code the app now shows for {TOTP_ISSUER}, to confirm it works.</li>
      </ol>
      <ConfirmSetupForm />
    </div>
  );
}

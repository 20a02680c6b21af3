import type { Metadata } from "next";
import { listThrottles } from "@/db/queries/sign-in-limits";
import { authSettings } from "@/lib/auth/config";
import type { ThrottleRule } from "@/lib/auth/throttle";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../components/action-button";
import { clearThrottleAction } from "./actions";

export const metadata: Metadata = { title: "Sign-in limits" };
export const dynamic = "force-dynamic";

const RULE_LABELS: Record<ThrottleRule, string> = {
  "account-address": "Account at one address",
  address: "Address, all accounts",
  account: "Account, all addresses",
  device: "A browser the account signed in from",
};

const utc = (iso: string) => `${iso.slice(0, 19).replace("T", " ")} UTC`;

/** Failed sign-ins being counted now, the counters that refuse tries first; each can be cleared. */
export default async function SignInLimitsPage() {
  const actor = await requirePageActor("/admin/sign-in-limits", { admin: true });
  const settings = authSettings.throttle();
  const rows = await listThrottles({ actor, settings });
  const minutes = Math.round(settings.windowMs / 60_000);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="page-title">Sign-in limits</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Failed sign-ins of the last {minutes} minutes. An account is refused at one address after{" "}
          {settings.maxPerAccountAddress} failures there; an address after {settings.maxPerAddress} failures on any
          accounts; an account tried from many addresses waits a growing delay (at most{" "}
          {Math.round(settings.maxAccountDelayMs / 1000)} seconds) after {settings.accountDelayAfter}. Clear a counter
          when you know who is locked out and why; clearing is recorded in the audit log.
        </p>
      </div>
      <div className="card overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Sign-in counters">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Counter
              </th>
              <th scope="col" className="px-3 py-2">
                Account
              </th>
              <th scope="col" className="px-3 py-2">
                Address
              </th>
              <th scope="col" className="px-3 py-2">
                Failures
              </th>
              <th scope="col" className="px-3 py-2">
                Last failure
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-slate-200" data-testid="throttle-row">
                <td className="px-3 py-2">{RULE_LABELS[r.rule]}</td>
                <td className="px-3 py-2 break-all">{r.account ?? "—"}</td>
                <td className="px-3 py-2">{r.address ?? "—"}</td>
                <td className="px-3 py-2">{r.failures}</td>
                <td className="px-3 py-2 whitespace-nowrap">{utc(r.lastFailureAt)}</td>
                <td className="px-3 py-2">
                  {r.refusedUntil ? (
                    <span className="font-medium text-red-800">Refusing until {utc(r.refusedUntil)}</span>
                  ) : (
                    "Counting"
                  )}
                </td>
                <td className="px-3 py-2">
                  <ActionButton
                    action={clearThrottleAction}
                    fields={{ key: r.key }}
                    label="Clear"
                    srLabel={`${RULE_LABELS[r.rule]}: ${[r.account, r.address].filter(Boolean).join(" at ")}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-slate-600">No failed sign-ins in the last {minutes} minutes.</p>}
      </div>
    </div>
  );
}

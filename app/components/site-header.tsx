import Link from "next/link";
import { acknowledgeFailedCodesAction, signOutAction } from "@/app/actions/session";
import { currentSession } from "@/app/_request/session";
import { getInboxCounts } from "@/db/queries/inbox/get-inbox-counts";

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) +
  " UTC";

export async function SiteHeader() {
  const session = await currentSession();
  const actor = session?.actor;
  const failed = session?.failedCodes;
  const waiting = actor ? (await getInboxCounts({ actor })).total : 0;
  return (
    <header className="border-b border-slate-200 bg-ink text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="font-serif text-xl font-semibold tracking-wide">
          Chancery
        </Link>
        {actor && (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-5 text-sm">
            <Link href="/" className="hover:underline">
              Countries
            </Link>
            <Link href="/briefings" className="hover:underline">
              My briefings
            </Link>
            <Link
              href="/#inbox"
              className="inline-flex items-center gap-1.5 hover:underline"
              aria-label={`Inbox, ${waiting === 0 ? "nothing" : waiting} waiting`}
              data-testid="inbox-link"
            >
              Inbox
              {waiting > 0 && (
                <span className="rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-ink" aria-hidden="true">
                  {waiting}
                </span>
              )}
            </Link>
            {actor.role === "admin" && (
              <Link href="/admin" className="hover:underline">
                Admin
              </Link>
            )}
            <Link href="/account/security" className="hover:underline">
              Account
            </Link>
            <span className="text-slate-300" data-testid="signed-in-as">
              {actor.name}{" "}
              <span className="rounded bg-white/15 px-1.5 py-0.5 text-xs uppercase">
                {actor.role}
                {actor.clearer && " · clearer"}
              </span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white/40 px-3 py-1 hover:bg-white/10">
                Sign out
              </button>
            </form>
          </nav>
        )}
      </div>
      {failed && (
        <div className="border-t border-amber-300 bg-amber-50 text-amber-950" data-testid="failed-codes-notice">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm sm:px-6">
            <p role="status">
              {failed.count === 1 ? "A wrong two-step code was" : `${failed.count} wrong two-step codes were`} entered
              for your account after its password{failed.lastAt ? ` (the last on ${dateTime(failed.lastAt)})` : ""}. If
              that was not you, someone knows your password: change it, or ask an administrator.
            </p>
            <form action={acknowledgeFailedCodesAction}>
              <button
                type="submit"
                className="rounded border border-amber-700 px-3 py-1 text-amber-950 hover:bg-amber-100"
              >
                Dismiss
              </button>
            </form>
          </div>
        </div>
      )}
    </header>
  );
}

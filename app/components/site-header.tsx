import Link from "next/link";
import { signOutAction } from "@/app/actions/session";
import { currentActor } from "@/app/_request/session";
import { getInboxCounts } from "@/db/queries/inbox/get-inbox-counts";

export async function SiteHeader() {
  const actor = await currentActor();
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
    </header>
  );
}

import Link from "next/link";
import { signOutAction } from "@/app/actions/session";
import { currentActor } from "@/app/_request/session";

export async function SiteHeader() {
  const actor = await currentActor();
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
            {actor.role === "admin" && (
              <Link href="/admin" className="hover:underline">
                Admin
              </Link>
            )}
            <span className="text-slate-300" data-testid="signed-in-as">
              {actor.name} <span className="rounded bg-white/15 px-1.5 py-0.5 text-xs uppercase">{actor.role}</span>
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

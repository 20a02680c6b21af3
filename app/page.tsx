import type { Metadata } from "next";
import Link from "next/link";
import { getInbox } from "@/db/queries/inbox/get-inbox";
import { listPartiesWithFactCounts } from "@/db/queries/parties";
import { InboxPanel } from "@/app/components/inbox/inbox";
import { requirePageActor } from "@/app/_request/session";

export const metadata: Metadata = { title: "Countries" };
// Reads the live database on every request; nothing here may be baked in at build time.
export const dynamic = "force-dynamic";

const DECISIONS = {
  approved: "You approved the briefing: its owner can now finalise it.",
  returned: "You returned the briefing to its owner with your comment.",
} as const;

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { decision } = await searchParams;
  const decided = decision === "approved" || decision === "returned" ? DECISIONS[decision] : null;
  const actor = await requirePageActor("/");
  const parties = await listPartiesWithFactCounts({ actor });
  const total = parties.reduce((n, p) => n + p.factCount, 0);
  const inbox = await getInbox({ actor });
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-6">
        <div>
          <h1 className="page-title">Countries and organisations</h1>
          <p className="mt-1 text-sm text-slate-600">
            The curated fact base: every fact cites its source with a verbatim quote. A fact about several parties
            counts for each.
          </p>
        </div>
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Parties">
          {parties.map((p) => (
            <li key={p.id} className="card flex items-center justify-between p-4" data-testid={`party-${p.id}`}>
              <div>
                <p className="font-medium text-ink">
                  {p.kind === "country" ? (
                    <Link href={`/briefings/new?country=${p.id}`} className="hover:underline">
                      {p.name}
                      <span className="sr-only">: compose a briefing</span>
                    </Link>
                  ) : (
                    p.name
                  )}
                </p>
                <p className="text-xs uppercase tracking-wide text-slate-500">
                  {p.kind === "country" ? "Country" : "Organisation"} · {p.isoCode ?? "no code"}
                </p>
              </div>
              <p className="text-right">
                <span className="block text-2xl font-semibold tabular-nums text-accent" data-testid="fact-count">
                  {p.factCount}
                </span>
                <span className="text-xs text-slate-500">{p.factCount === 1 ? "fact" : "facts"}</span>
              </p>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">
          {parties.length} parties · {total} fact links
        </p>
      </div>
      {/* First on a narrow screen, beside the parties on a wide one: what needs the user. */}
      <div className="order-first space-y-3 lg:order-none">
        {decided && (
          <p role="status" className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            {decided}
          </p>
        )}
        <InboxPanel inbox={inbox} />
      </div>
    </div>
  );
}

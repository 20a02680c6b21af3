import type { Metadata } from "next";
import Link from "next/link";
import { listBriefings } from "@/db/queries/briefings/list-briefings";
import { requirePageActor } from "@/app/_request/session";
import { StatusBadge } from "@/app/components/status-badge";
import { BriefingRowActions } from "./row-actions";

export const metadata: Metadata = { title: "My briefings" };
export const dynamic = "force-dynamic";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export default async function BriefingsPage() {
  const actor = await requirePageActor("/briefings");
  const all = await listBriefings({ actor });
  const live = all.filter((b) => !b.deletedAt);
  const deleted = all.filter((b) => b.deletedAt);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="page-title">My briefings</h1>
          <p className="mt-1 text-sm text-slate-600">Only you can see your briefings.</p>
        </div>
        <Link href="/briefings/new" className="btn-primary">
          New briefing
        </Link>
      </div>
      {live.length === 0 ? (
        <div className="card p-8 text-center text-slate-700">
          <p>You have no briefings yet.</p>
          <Link href="/briefings/new" className="btn-secondary mt-4">
            Compose your first briefing
          </Link>
        </div>
      ) : (
        <div className="card overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="My briefings">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Title
                </th>
                <th scope="col" className="px-4 py-3">
                  Country
                </th>
                <th scope="col" className="px-4 py-3">
                  Topics
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3">
                  Updated
                </th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {live.map((b) => (
                <tr key={b.id} className="border-t border-slate-200 align-top" data-testid="briefing-row">
                  <td className="px-4 py-3">
                    <Link href={`/briefings/${b.id}`} className="font-medium text-accent hover:underline">
                      {b.title}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{b.countryName}</td>
                  <td className="px-4 py-3 text-slate-600">
                    {b.topicNames.length > 3 ? `${b.topicNames.length} topics` : b.topicNames.join(", ")}
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={b.status} revision={b.revision} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">{when(b.updatedAt)}</td>
                  <td className="px-4 py-3">
                    <BriefingRowActions briefingId={b.id} title={b.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleted.length > 0 && (
        <section aria-labelledby="deleted-heading" className="space-y-2">
          <h2 id="deleted-heading" className="text-lg font-semibold text-ink">
            Recently deleted
          </h2>
          <p className="text-sm text-slate-600">Deleted briefings can be restored for 30 days.</p>
          <ul className="card divide-y divide-slate-200">
            {deleted.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                <span>
                  {b.title} <span className="text-slate-500">· deleted {when(b.deletedAt!)}</span>
                </span>
                <BriefingRowActions briefingId={b.id} title={b.title} deleted />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

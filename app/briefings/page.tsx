import type { Metadata } from "next";
import Link from "next/link";
import { listBriefings, type BriefingListEntry } from "@/db/queries/briefings/list-briefings";
import { listSharedWithMe } from "@/db/queries/sharing/list-shared-with-me";
import { requirePageActor } from "@/app/_request/session";
import { StatusBadge } from "@/app/components/status-badge";
import { BriefingRowActions } from "./row-actions";

export const metadata: Metadata = { title: "My briefings" };
export const dynamic = "force-dynamic";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

const ACCESS_LABELS = { view: "can view", edit: "can edit" } as const;

/** The clearance beside the status: awaiting, returned, approved (whether it still holds is on the briefing page). */
function ClearanceNote({ entry }: { entry: Pick<BriefingListEntry, "state" | "clearance" | "status"> }) {
  if (entry.state === "awaiting-clearance")
    return <span className="mt-1 block text-xs text-amber-800">Awaiting clearance</span>;
  if (entry.status === "draft" && entry.clearance === "returned")
    return <span className="mt-1 block text-xs text-red-700">Returned by the clearer</span>;
  if (entry.status === "draft" && entry.clearance === "approved")
    return <span className="mt-1 block text-xs text-green-800">Approved</span>;
  return null;
}

export default async function BriefingsPage() {
  const actor = await requirePageActor("/briefings");
  const all = await listBriefings({ actor });
  const shared = await listSharedWithMe({ actor });
  const live = all.filter((b) => !b.deletedAt);
  const deleted = all.filter((b) => b.deletedAt);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="page-title">My briefings</h1>
          <p className="mt-1 text-sm text-slate-600">
            Only you, and the colleagues you share them with, can see your briefings.
          </p>
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
                    <ClearanceNote entry={b} />
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
      <section aria-labelledby="shared-heading" className="space-y-2">
        <h2 id="shared-heading" className="text-lg font-semibold text-ink">
          Shared with me
        </h2>
        {shared.length === 0 ? (
          <p className="text-sm text-slate-600">No one has shared a briefing with you.</p>
        ) : (
          <div className="card overflow-x-auto">
            <table className="w-full text-left text-sm" aria-labelledby="shared-heading">
              <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Title
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Country
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Owner
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Your access
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Updated
                  </th>
                </tr>
              </thead>
              <tbody>
                {shared.map((b) => (
                  <tr key={b.id} className="border-t border-slate-200 align-top" data-testid="shared-row">
                    <td className="px-4 py-3">
                      <Link href={`/briefings/${b.id}`} className="font-medium text-accent hover:underline">
                        {b.title}
                      </Link>
                    </td>
                    <td className="px-4 py-3">{b.countryName}</td>
                    <td className="px-4 py-3">{b.ownerName}</td>
                    <td className="px-4 py-3">{ACCESS_LABELS[b.access]}</td>
                    <td className="px-4 py-3">
                      <StatusBadge status={b.status} revision={b.revision} />
                      {b.state === "awaiting-clearance" && (
                        <span className="mt-1 block text-xs text-amber-800">Awaiting clearance</span>
                      )}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-slate-600">{when(b.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
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

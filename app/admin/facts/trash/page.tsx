import type { Metadata } from "next";
import Link from "next/link";
import { listDeletedFacts } from "@/db/queries/facts/list-deleted-facts";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../../components/action-button";
import { undeleteFactAction } from "../actions";

export const metadata: Metadata = { title: "Trash" };
export const dynamic = "force-dynamic";

export default async function TrashPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requirePageActor("/admin/facts/trash", { admin: true });
  const facts = await listDeletedFacts({ actor });
  const deleted = (await searchParams).done === "deleted";
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/facts" className="text-accent hover:underline">
          ← Facts
        </Link>
      </p>
      <h1 className="page-title">Trash</h1>
      {deleted && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-2 text-sm text-green-900">
          Moved to the trash.
        </p>
      )}
      <section aria-labelledby="trash-heading" className="card overflow-x-auto">
        <h2 id="trash-heading" className="sr-only">
          Deleted facts
        </h2>
        {facts.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">The trash is empty.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-3">
                  Fact
                </th>
                <th scope="col" className="px-3 py-3">
                  Deleted (UTC)
                </th>
                <th scope="col" className="px-3 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {facts.map((f) => (
                <tr key={f.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/admin/facts/${encodeURIComponent(f.id)}`} className="text-accent hover:underline">
                      {f.id}
                    </Link>
                    <p>{f.text}</p>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{f.deletedAt?.replace("T", " ").slice(0, 16)}</td>
                  <td className="px-3 py-2">
                    <ActionButton
                      action={undeleteFactAction}
                      fields={{ id: f.id, version: f.version }}
                      label="Restore"
                      srLabel={f.id}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listAudit } from "@/db/queries/audit";
import { getFact } from "@/db/queries/facts";
import { diffSnapshots } from "@/lib/admin/diff";
import { FACT_FIELD_LABELS } from "@/lib/admin/fact-form";
import { NotFoundError } from "@/lib/errors";
import { requirePageActor } from "@/lib/next/session";
import { ActionButton } from "../../../components/action-button";
import { restoreFactVersionAction } from "../../actions";

export const metadata: Metadata = { title: "Fact history" };
export const dynamic = "force-dynamic";

const label = (field: string) => (FACT_FIELD_LABELS as Record<string, string>)[field] ?? field;

export default async function FactHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/facts/${id}/history`, { admin: true });
  let fact;
  try {
    fact = getFact({ actor, id, includeDeleted: true });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const entries = listAudit({ actor, entity: "fact", entityId: id, limit: 500 });
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/admin/facts/${encodeURIComponent(id)}`} className="text-accent hover:underline">← Fact {id}</Link></p>
      <h1 className="page-title">History of {id}</h1>
      <ol className="space-y-4">
        {entries.map((e, i) => {
          const changes = diffSnapshots(e.before, e.after);
          return (
            <li key={e.id} className="card p-4" data-testid="history-entry">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="font-medium text-ink">
                  {e.action.replace("fact.", "").replace("_", " ")} <span className="text-sm font-normal text-slate-600">by {e.actorEmail ?? "unknown"}, {e.at.replace("T", " ").slice(0, 19)} UTC</span>
                </h2>
                {i > 0 && e.after !== null && !fact.deletedAt && (
                  <ActionButton action={restoreFactVersionAction} fields={{ id, version: fact.version, auditId: e.id }} label="Restore this version" srLabel={`(as of ${e.at})`} />
                )}
              </div>
              {changes.length > 0 && (
                <table className="mt-3 w-full table-fixed text-left text-sm">
                  <thead className="text-xs uppercase tracking-wide text-slate-600">
                    <tr><th scope="col" className="w-40 py-1">Field</th><th scope="col" className="py-1">Before</th><th scope="col" className="py-1">After</th></tr>
                  </thead>
                  <tbody>
                    {changes.map((c) => (
                      <tr key={c.field} className="border-t border-slate-100 align-top">
                        <th scope="row" className="py-1 pr-2 font-medium">{label(c.field)}</th>
                        <td className="py-1 pr-2 break-words whitespace-pre-wrap"><del className="bg-red-50 text-red-900 no-underline">{c.before}</del></td>
                        <td className="py-1 break-words whitespace-pre-wrap"><ins className="bg-green-50 text-green-900 no-underline">{c.after}</ins></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ol>
      {entries.length === 0 && <p className="text-sm text-slate-600">No recorded changes (this fact is as it was seeded).</p>}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { listAuditPage } from "@/db/queries/audit";
import { requirePageActor } from "@/app/_request/session";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const ENTITIES = ["fact", "source", "meeting", "person", "party", "topic", "user", "session", "briefing"] as const;
const filtersSchema = z.object({
  entity: z.enum(ENTITIES).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
const PAGE = 100;

/** Who did what, when and from where — newest first, filterable by kind of record, in the URL. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor("/admin/audit", { admin: true });
  const { entity, before } = filtersSchema.parse(await searchParams);
  const rows = await listAuditPage({ actor, entity, before, limit: PAGE });
  const historyHref = (e: string, id: string | null) =>
    !id
      ? null
      : e === "fact"
        ? `/admin/facts/${encodeURIComponent(id)}/history`
        : ["source", "meeting", "person", "party", "topic"].includes(e)
          ? `/admin/history/${e}/${encodeURIComponent(id)}`
          : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="page-title">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every change to the fact base and users, sign-ins and sign-outs, and briefing events (ids and revisions only —
          never their content). Times are UTC.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="entity" className="field-label">
            Kind of record
          </label>
          <select id="entity" name="entity" defaultValue={entity ?? ""} className="field-input">
            <option value="">All</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Show
        </button>
      </form>
      <div className="card overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Audit log">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                When (UTC)
              </th>
              <th scope="col" className="px-3 py-2">
                Who
              </th>
              <th scope="col" className="px-3 py-2">
                Address
              </th>
              <th scope="col" className="px-3 py-2">
                Action
              </th>
              <th scope="col" className="px-3 py-2">
                Record
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const href = historyHref(r.entity, r.entityId);
              return (
                <tr key={r.id} className="border-t border-slate-200" data-testid="audit-row">
                  <td className="px-3 py-2 whitespace-nowrap">{r.at.slice(0, 19).replace("T", " ")}</td>
                  <td className="px-3 py-2">{r.actorEmail ?? "—"}</td>
                  <td className="px-3 py-2">{r.ip ?? "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-2">
                    {r.entity}{" "}
                    {href ? (
                      <Link href={href} className="text-accent hover:underline">
                        {r.entityId}
                      </Link>
                    ) : (
                      r.entityId
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-slate-600">Nothing recorded{entity ? ` for ${entity}` : ""}.</p>}
      </div>
      {rows.length === PAGE && (
        <Link
          className="btn-secondary"
          href={`/admin/audit?${new URLSearchParams({ ...(entity ? { entity } : {}), before: String(rows.at(-1)!.id) })}`}
        >
          Older entries
        </Link>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { listDeletedReferenceRecords } from "@/db/queries/reference-data/list-deleted-reference-records";
import { listDeletedSources } from "@/db/queries/sources/list-deleted-sources";
import { REFERENCE_DATA_SPECS } from "@/lib/admin/reference-data";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../components/action-button";
import { undeleteAction } from "./actions";

export const metadata: Metadata = { title: "Trash" };
export const dynamic = "force-dynamic";

interface Deleted {
  kind: string;
  id: string;
  name: string;
  version: number;
  deletedAt: string;
}

/** Deleted sources, meetings, people, parties and topics, each restorable (facts have their own trash). */
export default async function TrashPage() {
  const actor = await requirePageActor("/admin/trash", { admin: true });
  const groups: { title: string; rows: Deleted[] }[] = [
    {
      title: "Sources",
      rows: (await listDeletedSources({ actor })).map((s) => ({
        kind: "source",
        id: s.id,
        name: s.title ?? s.publisher ?? s.id,
        version: s.version,
        deletedAt: s.deletedAt!,
      })),
    },
    ...(await Promise.all(
      (["meeting", "person", "party", "topic"] as const).map(async (kind) => ({
        title: REFERENCE_DATA_SPECS[kind].title,
        rows: (await listDeletedReferenceRecords({ actor, kind })).map((r) => ({
          kind,
          id: r.id,
          name: r.name,
          version: r.version,
          deletedAt: r.deletedAt!,
        })),
      })),
    )),
  ];
  const empty = groups.every((g) => g.rows.length === 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="page-title">Trash</h1>
        <p className="mt-1 text-sm text-slate-600">
          Deleted sources, meetings, people, parties and topics. Restoring one is recorded in its history. Deleted facts
          are in the facts trash.
        </p>
      </div>
      {empty && <p className="card p-6 text-slate-700">The trash is empty.</p>}
      {groups
        .filter((g) => g.rows.length > 0)
        .map((g) => (
          <section key={g.title} aria-labelledby={`trash-${g.title}`} className="card p-4">
            <h2 id={`trash-${g.title}`} className="text-lg font-semibold text-ink">
              {g.title}
            </h2>
            <ul className="mt-2 divide-y divide-slate-100">
              {g.rows.map((r) => (
                <li
                  key={r.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                  data-testid="trash-row"
                >
                  <span>
                    <span className="font-medium">{r.name}</span>{" "}
                    <span className="text-slate-500">
                      ({r.id}) · deleted {r.deletedAt.slice(0, 16).replace("T", " ")} UTC
                    </span>
                  </span>
                  <ActionButton
                    action={undeleteAction}
                    fields={{ kind: r.kind, id: r.id, version: r.version }}
                    label="Restore"
                    srLabel={r.name}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

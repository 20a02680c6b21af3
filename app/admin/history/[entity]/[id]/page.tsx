import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listAudit } from "@/db/queries/audit";
import { getReferenceRecord } from "@/db/queries/reference-data/get-reference-record";
import { getSource } from "@/db/queries/sources/get-source";
import { REFERENCE_DATA_SPECS } from "@/lib/admin/reference-data";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../../../components/action-button";
import { HistoryList } from "../../../components/history-list";
import { restoreReferenceRecordVersionAction } from "../../../reference-data/actions";
import { restoreSourceVersionAction } from "../../../sources/actions";

export const metadata: Metadata = { title: "History" };
export const dynamic = "force-dynamic";

const KINDS = ["party", "topic", "person", "meeting", "source"] as const;

/** The change history of a source, party, topic, person or meeting, with restore (facts have their own, at /admin/facts/[id]/history). */
export default async function HistoryPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const { entity, id } = await params;
  const actor = await requirePageActor(`/admin/history/${entity}/${id}`, { admin: true });
  const kind = KINDS.find((k) => k === entity);
  if (!kind) notFound();
  const entries = await listAudit({ actor, entity: kind, entityId: id, limit: 500 });
  const spec = kind === "source" ? null : REFERENCE_DATA_SPECS[kind];
  const current = spec ? await getReferenceRecord({ actor, kind: spec.kind, id }).catch(() => null) : null;
  const currentSource = kind === "source" ? await getSource({ actor, id }).catch(() => null) : null;
  const back = spec ? `${spec.path}/${encodeURIComponent(id)}` : `/admin/sources/${encodeURIComponent(id)}`;
  const label = (f: string) => spec?.fields.find((x) => x.name === f)?.label ?? f;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={back} className="text-accent hover:underline">
          ← Back to {entity} {id}
        </Link>
      </p>
      <h1 className="page-title">
        History of {entity} {id}
      </h1>
      <HistoryList
        entries={entries}
        label={label}
        action={(e, i) => {
          if (i === 0 || e.after === null) return null;
          if (currentSource) {
            return (
              <ActionButton
                action={restoreSourceVersionAction}
                fields={{ id, version: currentSource.version, auditId: e.id }}
                label="Restore this version"
                srLabel={`(as of ${e.at})`}
              />
            );
          }
          return current ? (
            <ActionButton
              action={restoreReferenceRecordVersionAction}
              fields={{ kind: spec!.kind, id, version: current.version, auditId: e.id }}
              label="Restore this version"
              srLabel={`(as of ${e.at})`}
            />
          ) : null;
        }}
      />
    </div>
  );
}

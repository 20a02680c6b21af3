import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listAudit } from "@/db/queries/audit";
import { getCurated } from "@/db/queries/curated";
import { getSource } from "@/db/queries/sources/get-source";
import { ENTITIES } from "@/lib/admin/entities";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../../../components/action-button";
import { HistoryList } from "../../../components/history-list";
import { restoreCuratedVersionAction } from "../../../curated/actions";
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
  const curated = kind === "source" ? null : ENTITIES[kind];
  const current = curated
    ? (() => {
        try {
          return getCurated({ actor, entity: curated.kind, id });
        } catch {
          return null;
        }
      })()
    : null;
  const currentSource = kind === "source" ? await getSource({ actor, id }).catch(() => null) : null;
  const back = curated ? `${curated.path}/${encodeURIComponent(id)}` : `/admin/sources/${encodeURIComponent(id)}`;
  const label = (f: string) => curated?.fields.find((x) => x.name === f)?.label ?? f;
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
              action={restoreCuratedVersionAction}
              fields={{ entity: curated!.kind, id, version: current.version, auditId: e.id }}
              label="Restore this version"
              srLabel={`(as of ${e.at})`}
            />
          ) : null;
        }}
      />
    </div>
  );
}

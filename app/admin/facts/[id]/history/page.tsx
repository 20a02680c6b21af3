import type { Metadata } from "next";
import Link from "next/link";
import { listAudit } from "@/db/queries/audit";
import { getFact } from "@/db/queries/facts/get-fact";
import { FACT_FIELD_LABELS } from "@/lib/admin/fact-form";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../../../components/action-button";
import { HistoryList } from "../../../components/history-list";
import { restoreFactVersionAction } from "../../actions";

export const metadata: Metadata = { title: "Fact history" };
export const dynamic = "force-dynamic";

const label = (field: string) => (FACT_FIELD_LABELS as Record<string, string>)[field] ?? field;

export default async function FactHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/facts/${id}/history`, { admin: true });
  const fact = await orNotFound(() => getFact({ actor, id, includeDeleted: true }));
  const entries = await listAudit({ actor, entity: "fact", entityId: id, limit: 500 });
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/admin/facts/${encodeURIComponent(id)}`} className="text-accent hover:underline">
          ← Fact {id}
        </Link>
      </p>
      <h1 className="page-title">History of {id}</h1>
      {/* The newest entry is the current state: restoring it would change nothing. */}
      <HistoryList
        entries={entries}
        label={label}
        action={(e, i) =>
          i > 0 && e.after !== null && !fact.deletedAt ? (
            <ActionButton
              action={restoreFactVersionAction}
              fields={{ id, version: fact.version, auditId: e.id }}
              label="Restore this version"
              srLabel={`(as of ${e.at})`}
            />
          ) : null
        }
      />
    </div>
  );
}

import type { Metadata } from "next";
import { requirePageActor } from "@/app/_request/session";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import and export" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  await requirePageActor("/admin/import", { admin: true });
  return (
    <div className="space-y-6">
      <h1 className="page-title">Import and export</h1>
      <section aria-labelledby="export-heading" className="card space-y-2 p-6">
        <h2 id="export-heading" className="text-lg font-semibold text-ink">
          Export
        </h2>
        <p className="text-sm text-slate-600">
          The whole fact base — sources, parties, topics, meetings, people, roles, participations and facts, trash
          included — as one JSON file. Users, briefings and the audit log are not included.
        </p>
        {/* A plain link: the route answers with a file download. */}
        <a href="/admin/export" className="btn-secondary" download>
          Download the fact base
        </a>
      </section>
      <section aria-labelledby="import-heading" className="card space-y-2 p-6">
        <h2 id="import-heading" className="text-lg font-semibold text-ink">
          Import
        </h2>
        <p className="text-sm text-slate-600">
          Merges a file by record id: new records are added, changed ones updated (and audited). Everything is checked
          first; if any record is wrong, nothing is changed and the records to fix are listed.
        </p>
        <ImportForm />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getFact } from "@/db/queries/facts/get-fact";
import { getFactFormOptions } from "@/db/queries/facts/get-fact-form-options";
import { factToFormValues } from "@/lib/admin/fact-form";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../../components/action-button";
import { deleteFactAction, undeleteFactAction } from "../actions";
import { FactForm } from "../fact-form";

export const metadata: Metadata = { title: "Edit fact" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  saved: "Saved.",
  created: "Fact created.",
  undeleted: "Restored from the trash.",
  restored: "Earlier version restored.",
};

export default async function EditFactPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/facts/${id}`, { admin: true });
  const done = DONE[(await searchParams).done ?? ""];
  const fact = await orNotFound(() => getFact({ actor, id, includeDeleted: true }));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/facts" className="text-accent hover:underline">
          ← Facts
        </Link>
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="page-title">Fact {fact.id}</h1>
          <p className="mt-1 text-sm text-slate-600">
            Version {fact.version}, last changed {fact.updatedAt.replace("T", " ").slice(0, 16)} UTC
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Link href={`/admin/facts/${encodeURIComponent(fact.id)}/history`} className="btn-secondary">
            History
          </Link>
          {fact.deletedAt ? (
            <ActionButton
              action={undeleteFactAction}
              fields={{ id: fact.id, version: fact.version }}
              label="Restore from trash"
            />
          ) : (
            <ActionButton
              action={deleteFactAction}
              fields={{ id: fact.id, version: fact.version }}
              label="Move to trash"
              className="btn-danger"
            />
          )}
        </div>
      </div>
      {done && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-2 text-sm text-green-900">
          {done}
        </p>
      )}
      {fact.deletedAt && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm">
          This fact is in the trash; briefings no longer offer it.
        </p>
      )}
      <section className="card p-6" aria-label="Fact">
        {/* Keyed by version: after a save the form starts again from what is stored. */}
        <FactForm
          key={fact.version}
          id={fact.id}
          version={fact.version}
          initial={factToFormValues(fact)}
          options={await getFactFormOptions({ actor })}
        />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getSource } from "@/db/queries/sources/get-source";
import { listFactsOfSource } from "@/db/queries/sources/list-facts-of-source";
import { coverageSegments } from "@/lib/admin/coverage";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../../components/action-button";
import { deleteSourceAction } from "../actions";
import { Workbench } from "../workbench";

export const metadata: Metadata = { title: "Source" };
export const dynamic = "force-dynamic";

export default async function SourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/sources/${id}`, { admin: true });
  const source = await orNotFound(() => getSource({ actor, id }));
  const facts = await listFactsOfSource({ actor, id });
  const done = (await searchParams).done;
  const saved = done === "saved" || done === "restored";
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/sources" className="text-accent hover:underline">
          ← Sources
        </Link>
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="page-title">{source.title ?? `Untitled source ${source.id}`}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {source.publisher ?? "Publisher not named"} · {source.publishedStart}
            {source.publishedInferred ? " (inferred)" : ""} · {facts.length} fact(s) · version {source.version}
          </p>
          {source.url && (
            <p className="text-sm break-all">
              <a href={source.url} rel="noopener noreferrer nofollow" className="text-accent hover:underline">
                {source.url}
              </a>
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Link href={`/admin/sources/${encodeURIComponent(id)}/edit`} className="btn-secondary">
            Edit source
          </Link>
          <Link href={`/admin/history/source/${encodeURIComponent(id)}`} className="btn-secondary">
            History
          </Link>
          <ActionButton
            action={deleteSourceAction}
            fields={{ id, version: source.version }}
            label="Delete source"
            className="btn-danger"
          />
        </div>
      </div>
      {saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-2 text-sm text-green-900">
          {done === "restored" ? "Earlier version restored." : "Source saved."}
        </p>
      )}
      <Workbench
        sourceId={source.id}
        segments={coverageSegments(
          source.fullText,
          facts.map((f) => f.quote),
        )}
      />
      <section aria-labelledby="source-facts" className="card p-4">
        <h2 id="source-facts" className="font-semibold text-ink">
          Facts from this source
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          {facts.map((f) => (
            <li key={f.id}>
              <Link href={`/admin/facts/${encodeURIComponent(f.id)}`} className="text-accent underline">
                {f.id}
              </Link>{" "}
              — {f.text}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

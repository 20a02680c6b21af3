import type { Metadata } from "next";
import Link from "next/link";
import { getSource } from "@/db/queries/sources/get-source";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { SOURCE_FIELDS } from "@/lib/validation/source";
import { SourceForm } from "../../source-form";

export const metadata: Metadata = { title: "Edit source" };
export const dynamic = "force-dynamic";

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/sources/${id}/edit`, { admin: true });
  const source = await orNotFound(() => getSource({ actor, id }));
  const initial = Object.fromEntries(
    SOURCE_FIELDS.map((f) => {
      const v = source[f];
      return [f, typeof v === "boolean" ? (v ? "true" : "") : (v ?? "")];
    }),
  );
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/admin/sources/${encodeURIComponent(id)}`} className="text-accent hover:underline">
          ← Source
        </Link>
      </p>
      <h1 className="page-title">Edit source</h1>
      <section className="card p-6" aria-label="Source">
        <SourceForm key={source.version} id={id} version={source.version} initial={initial} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getFactFormOptions } from "@/db/queries/facts/get-fact-form-options";
import { EMPTY_FACT_VALUES } from "@/lib/admin/fact-form";
import { requirePageActor } from "@/app/_request/session";
import { FactForm } from "../fact-form";

export const metadata: Metadata = { title: "New fact" };
export const dynamic = "force-dynamic";

/** `?source=…&quote=…` pre-fill the form (the curation workbench links here with a selected passage). */
export default async function NewFactPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/admin/facts/new", { admin: true });
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
  const initial = { ...EMPTY_FACT_VALUES, sourceId: one(params.source), quote: one(params.quote) };
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/facts" className="text-accent hover:underline">
          ← Facts
        </Link>
      </p>
      <h1 className="page-title">New fact</h1>
      <section className="card p-6" aria-label="Fact">
        <FactForm initial={initial} options={await getFactFormOptions({ actor })} />
      </section>
    </div>
  );
}

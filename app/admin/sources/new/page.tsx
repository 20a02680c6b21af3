import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/app/_request/session";
import { SourceForm } from "../source-form";

export const metadata: Metadata = { title: "Add a source" };
export const dynamic = "force-dynamic";

export default async function NewSourcePage() {
  await requirePageActor("/admin/sources/new", { admin: true });
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/sources" className="text-accent hover:underline">
          ← Sources
        </Link>
      </p>
      <h1 className="page-title">Add a source</h1>
      <section className="card p-6" aria-label="Source">
        <SourceForm initial={{}} />
      </section>
    </div>
  );
}

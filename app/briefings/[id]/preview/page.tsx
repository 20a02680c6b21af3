import type { Metadata } from "next";
import Link from "next/link";
import { BriefingPreview } from "@/app/components/briefing/preview";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";

export const metadata: Metadata = { title: "Preview" };
export const dynamic = "force-dynamic";

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/briefings/${id}/preview`);
  const doc = await orNotFound(() => buildSavedDocument({ actor, briefingId: id }));
  return (
    <div className="space-y-4">
      <p>
        <Link href={`/briefings/${id}`} className="text-accent hover:underline">
          ← Back to the briefing
        </Link>
      </p>
      <BriefingPreview doc={doc} />
    </div>
  );
}

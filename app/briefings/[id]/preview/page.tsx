import type { Metadata } from "next";
import Link from "next/link";
import { BriefingPreview } from "@/app/components/briefing/preview";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { listComments } from "@/db/queries/comments/list-comments";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { commentAnchors } from "../_workflow/anchors";
import { CommentsPanel } from "../_workflow/comments-panel";

export const metadata: Metadata = { title: "Preview" };
export const dynamic = "force-dynamic";

/** The briefing as it will print, with its comments beside it (they never print). */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/briefings/${id}/preview`);
  const doc = await orNotFound(() => buildSavedDocument({ actor, briefingId: id }));
  const view = await orNotFound(() => getBriefingView({ actor, briefingId: id }));
  const comments = await orNotFound(() => listComments({ actor, briefingId: id }));
  return (
    <div className="space-y-4">
      <p>
        <Link href={`/briefings/${id}`} className="text-accent hover:underline">
          ← Back to the briefing
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <BriefingPreview doc={doc} />
        <aside aria-label="Comments">
          <CommentsPanel
            briefingId={id}
            comments={comments}
            anchors={commentAnchors(view)}
            idPrefix="preview-comment"
          />
        </aside>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getBriefingView, type BriefingView } from "@/db/queries/briefings/get-briefing-view";
import { StatusBadge } from "@/app/components/status-badge";
import { BriefingPreview } from "@/app/components/briefing/preview";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { getClearanceStatus, type ClearanceStatusView } from "@/db/queries/clearance/get-clearance-status";
import { listClearers } from "@/db/queries/clearance/list-clearers";
import { listComments } from "@/db/queries/comments/list-comments";
import { listShares } from "@/db/queries/sharing/list-shares";
import { formatDateSpan } from "@/lib/dates/date-span";
import { countChangedFacts } from "@/db/queries/briefings/count-changed-facts";
import { withheldLine } from "@/lib/briefing/document";
import { briefingAsOf, datedBefore } from "@/lib/briefing/settings";
import type { Actor } from "@/lib/auth/actor";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { Composer } from "./compose/composer";
import type { ComposerState } from "./compose/types";
import { DownloadButton } from "./download-button";
import { NewRevisionButton } from "./new-revision-button";
import { commentAnchors } from "./_workflow/anchors";
import { ClearancePanel } from "./_workflow/clearance-panel";
import { CommentsPanel } from "./_workflow/comments-panel";
import { DraftStateProvider } from "./_workflow/draft-state";
import { SharingPanel } from "./_workflow/sharing-panel";

export const metadata: Metadata = { title: "Briefing" };
export const dynamic = "force-dynamic";

const ACCESS_LABELS = { view: "can view", edit: "can edit" } as const;

function composerState(view: BriefingView): ComposerState {
  const datedCutoff = datedBefore(briefingAsOf(view.content.occasion.date, new Date().toISOString().slice(0, 10)));
  return {
    version: view.version,
    title: view.title,
    counterpartTitle: view.content.counterpartTitle,
    marking: view.content.marking,
    purpose: view.content.purpose,
    keyMessages: view.content.keyMessages.join("\n"),
    background: view.content.background,
    occasion: view.content.occasion,
    sections: view.sections.map((s) => ({
      topicId: s.topicId,
      title: s.title,
      items: s.items.flatMap((i) =>
        i.fact
          ? [
              {
                factId: i.factId,
                included: i.included,
                note: i.note,
                text: i.fact.text,
                date: formatDateSpan({
                  start: i.fact.dateStart,
                  end: i.fact.dateEnd,
                  precision: i.fact.datePrecision,
                  inferred: i.fact.dateInferred,
                }),
                dated: i.fact.dateEnd < datedCutoff,
                meeting: i.fact.meetingId ? (view.meetingNames.get(i.fact.meetingId) ?? null) : null,
                source: view.sourceLabels.get(i.fact.sourceId) ?? i.fact.sourceId,
                retired: i.fact.deletedAt !== null,
                handling: i.fact.handling,
                marking: i.fact.marking,
              },
            ]
          : [],
      ),
    })),
  };
}

/** Why the composer is not shown to someone who may view the draft: what they can do instead. */
function readOnlyReason(view: BriefingView, status: ClearanceStatusView): string {
  const { relationships, state } = view.access;
  const by = status.latest?.clearers.map((c) => c.name).join(", ");
  if (state === "awaiting-clearance" && relationships.includes("owner"))
    return `This draft is awaiting clearance by ${by}, so it cannot be edited. To change it now, withdraw the submission (Withdraw, above); otherwise wait until it is approved or returned.`;
  if (state === "awaiting-clearance" && relationships.includes("editor"))
    return `This draft is awaiting clearance by ${by}, so it cannot be edited until it is approved or returned, or its owner withdraws the submission.`;
  if (relationships.includes("clearer"))
    return "This draft was submitted to you for clearance: read it, comment on it, then approve it or return it with a comment (above).";
  return "You can view, download and comment on this briefing; only its owner and those it is shared with as “can edit” change it.";
}

async function workflowData(actor: Actor, view: BriefingView) {
  const status = await getClearanceStatus({ actor, briefingId: view.id });
  const comments = await listComments({ actor, briefingId: view.id });
  const shares = await listShares({ actor, briefingId: view.id });
  const clearers = view.access.can.submitForClearance ? await listClearers({ actor }) : [];
  return { status, comments, shares, clearers };
}

export default async function BriefingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/briefings/${id}`);
  const view = await orNotFound(() => getBriefingView({ actor, briefingId: id }));
  const { status, comments, shares, clearers } = await orNotFound(() => workflowData(actor, view));
  const { access } = view;
  const isOwner = access.relationships.includes("owner");
  const myShare = shares.find((s) => s.userId === actor.userId);
  const ownerName = myShare?.sharedByName ?? status.latest?.submittedBy.name;

  const header = (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title mr-auto">{view.title}</h1>
        <StatusBadge status={view.status} revision={view.revision} />
        {access.can.download && <DownloadButton briefingId={view.id} />}
        {access.can.downloadCounterpart && <DownloadButton briefingId={view.id} copy="counterpart" />}
      </div>
      <p className="text-sm text-slate-600" data-testid="briefing-relationship">
        {view.countryName} ·{" "}
        {isOwner ? (
          <Link href="/briefings" className="text-accent underline">
            All my briefings
          </Link>
        ) : (
          <>
            {ownerName ? `${ownerName}’s briefing` : "A colleague’s briefing"}
            {myShare ? `, shared with you: ${ACCESS_LABELS[myShare.access]}` : ""}
            {access.relationships.includes("clearer") ? ", submitted to you for clearance" : ""} ·{" "}
            <Link href="/briefings#shared-heading" className="text-accent underline">
              Shared with me
            </Link>
          </>
        )}
      </p>
      {/* A final briefing's preview below says it itself. */}
      {view.status !== "final" && view.withheld > 0 && (
        <p className="text-sm text-slate-700" data-testid="briefing-withheld">
          {withheldLine({ withheld: view.withheld })}
        </p>
      )}
    </div>
  );
  const anchors = commentAnchors(view);
  const side = (
    <aside className="space-y-4" aria-label="Comments and sharing">
      <CommentsPanel briefingId={view.id} comments={comments} anchors={anchors} />
      <SharingPanel briefingId={view.id} isOwner={isOwner && access.can.share} shares={shares} />
    </aside>
  );
  const clearance = (
    <ClearancePanel
      briefingId={view.id}
      version={view.version}
      final={view.status === "final"}
      status={status}
      can={access.can}
      clearers={clearers}
    />
  );

  if (view.status === "final") {
    const changed = isOwner ? await countChangedFacts({ actor, briefingId: view.id }) : null;
    return (
      <div className="space-y-6">
        {header}
        <div className="card flex flex-wrap items-center gap-4 p-4" data-testid="final-notice">
          <p className="mr-auto text-sm text-slate-700">
            Finalised {view.finalisedAt?.slice(0, 10)}. It does not change when facts are edited.{" "}
            {changed !== null && (
              <strong data-testid="changed-count">
                {changed === 0
                  ? "No facts changed since finalised."
                  : `${changed} ${changed === 1 ? "fact" : "facts"} changed since finalised.`}
              </strong>
            )}
          </p>
          {access.can.startNewRevision && <NewRevisionButton briefingId={view.id} />}
        </div>
        {clearance}
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <BriefingPreview doc={await buildSavedDocument({ actor, briefingId: view.id })} />
          {side}
        </div>
      </div>
    );
  }

  return (
    <DraftStateProvider>
      <div className="space-y-4">
        {header}
        {clearance}
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0">
            {access.can.edit ? (
              <Composer
                briefingId={view.id}
                initial={composerState(view)}
                finalise={isOwner && access.can.finalise ? status.finalise : null}
              />
            ) : (
              <div className="space-y-4">
                <p
                  className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-slate-800"
                  data-testid="read-only-notice"
                >
                  {readOnlyReason(view, status)}
                </p>
                <p>
                  <Link href={`/briefings/${view.id}/preview`} className="btn-secondary">
                    Preview
                  </Link>
                </p>
                <BriefingPreview doc={await buildSavedDocument({ actor, briefingId: view.id })} />
              </div>
            )}
          </div>
          {side}
        </div>
      </div>
    </DraftStateProvider>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { StatusBadge } from "@/app/components/status-badge";
import { BriefingPreview } from "@/app/components/briefing/preview";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { formatDateSpan } from "@/lib/dates/date-span";
import { countChangedFacts } from "@/db/queries/briefings/count-changed-facts";
import { briefingAsOf, datedBefore } from "@/lib/briefing/settings";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { Composer } from "./compose/composer";
import type { ComposerState } from "./compose/types";
import { DownloadButton } from "./download-button";
import { NewRevisionButton } from "./new-revision-button";

export const metadata: Metadata = { title: "Briefing" };
export const dynamic = "force-dynamic";

export default async function BriefingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/briefings/${id}`);
  const view = await orNotFound(() => getBriefingView({ actor, briefingId: id }));
  const header = (
    <div className="flex flex-wrap items-center gap-3">
      <h1 className="page-title mr-auto">{view.title}</h1>
      <StatusBadge status={view.status} revision={view.revision} />
      <DownloadButton briefingId={view.id} />
    </div>
  );

  if (view.status === "final") {
    const changed = await countChangedFacts({ actor, briefingId: view.id });
    return (
      <div className="space-y-6">
        {header}
        <div className="card flex flex-wrap items-center gap-4 p-4" data-testid="final-notice">
          <p className="mr-auto text-sm text-slate-700">
            Finalised {view.finalisedAt?.slice(0, 10)}. It does not change when facts are edited.{" "}
            <strong data-testid="changed-count">
              {changed === 0
                ? "No facts changed since finalised."
                : `${changed} ${changed === 1 ? "fact" : "facts"} changed since finalised.`}
            </strong>
          </p>
          <NewRevisionButton briefingId={view.id} />
        </div>
        <BriefingPreview doc={await buildSavedDocument({ actor, briefingId: view.id })} />
      </div>
    );
  }

  const datedCutoff = datedBefore(briefingAsOf(view.content.occasion.date, new Date().toISOString().slice(0, 10)));
  const initial: ComposerState = {
    version: view.version,
    title: view.title,
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
              },
            ]
          : [],
      ),
    })),
  };
  return (
    <div className="space-y-4">
      {header}
      <p className="text-sm text-slate-600">
        {view.countryName} ·{" "}
        <Link href="/briefings" className="text-accent hover:underline">
          All my briefings
        </Link>
      </p>
      <Composer briefingId={view.id} initial={initial} />
    </div>
  );
}

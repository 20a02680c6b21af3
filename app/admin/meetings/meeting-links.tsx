import Link from "next/link";
import { meetingLinks } from "@/db/queries/meetings";
import { listReferenceRecords } from "@/db/queries/reference-data/list-reference-records";
import { listSources } from "@/db/queries/sources/list-sources";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../components/action-button";
import { removeMeetingReportAction, removeParticipationAction } from "./link-actions";
import { AddParticipantForm, AddReportForm } from "./link-forms";

/** The sources reporting a meeting and its participants: listed, added (quotes checked) and removed, all audited. */
export async function MeetingLinks({ id }: { id: string }) {
  const actor = await requirePageActor(`/admin/meetings/${id}`, { admin: true });
  const { reports, participants } = await meetingLinks({ actor, id });
  const people = (await listReferenceRecords({ actor, kind: "person" })).map((p) => ({ id: p.id, name: p.name }));
  const parties = (await listReferenceRecords({ actor, kind: "party" })).map((p) => ({ id: p.id, name: p.name }));
  const sourceOptions = (await listSources({ actor })).map((s) => ({
    id: s.id,
    name: s.title ?? `${s.publisher ?? "Unnamed publisher"} (${s.id})`,
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="reports-heading" className="card p-4">
        <h2 id="reports-heading" className="font-semibold text-ink">
          Reported by
        </h2>
        {reports.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No source reports this meeting.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {reports.map((r) => (
              <li key={r.sourceId}>
                <Link href={`/admin/sources/${encodeURIComponent(r.sourceId)}`} className="text-accent underline">
                  {r.title ?? r.sourceId}
                </Link>{" "}
                ({r.reports})
                <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 text-slate-700">{r.quote}</blockquote>
                <ActionButton
                  action={removeMeetingReportAction}
                  fields={{ meetingId: id, sourceId: r.sourceId }}
                  label="Remove report"
                  srLabel={`by ${r.title ?? r.sourceId}`}
                  className="btn-secondary mt-1 px-2 py-1 text-xs"
                />
              </li>
            ))}
          </ul>
        )}
        <AddReportForm meetingId={id} sources={sourceOptions} />
      </section>
      <section aria-labelledby="participants-heading" className="card p-4">
        <h2 id="participants-heading" className="font-semibold text-ink">
          Participants
        </h2>
        {participants.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None recorded.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {participants.map((p) => (
              <li key={p.id}>
                {p.personId ? (
                  <Link href={`/admin/people/${encodeURIComponent(p.personId)}`} className="text-accent underline">
                    {p.personName ?? p.personId}
                  </Link>
                ) : (
                  <span>(not named)</span>
                )}{" "}
                — {p.title}, {p.partyId}
                {p.leadsDelegation ? ", head of delegation" : ""}
                <ActionButton
                  action={removeParticipationAction}
                  fields={{ meetingId: id, id: p.id, version: p.version }}
                  label="Remove"
                  srLabel={`${p.personName ?? "unnamed participant"}, ${p.title}`}
                  className="btn-secondary ml-2 px-2 py-0.5 text-xs"
                />
              </li>
            ))}
          </ul>
        )}
        <AddParticipantForm meetingId={id} people={people} parties={parties} sources={sourceOptions} />
      </section>
    </div>
  );
}

import Link from "next/link";
import { meetingLinks } from "@/db/queries/meetings";
import { requirePageActor } from "@/lib/next/session";

/** Read-only: the sources reporting a meeting and its participants (edited through import for now). */
export async function MeetingLinks({ id }: { id: string }) {
  const actor = await requirePageActor(`/admin/meetings/${id}`, { admin: true });
  const { reports, participants } = meetingLinks({ actor, id });
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="reports-heading" className="card p-4">
        <h2 id="reports-heading" className="font-semibold text-ink">Reported by</h2>
        {reports.length === 0 ? <p className="mt-2 text-sm text-slate-600">No source reports this meeting.</p> : (
          <ul className="mt-2 space-y-2 text-sm">
            {reports.map((r) => (
              <li key={r.sourceId}>
                <Link href={`/admin/sources/${encodeURIComponent(r.sourceId)}`} className="text-accent underline">{r.title ?? r.sourceId}</Link> ({r.reports})
                <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 text-slate-700">{r.quote}</blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="participants-heading" className="card p-4">
        <h2 id="participants-heading" className="font-semibold text-ink">Participants</h2>
        {participants.length === 0 ? <p className="mt-2 text-sm text-slate-600">None recorded.</p> : (
          <ul className="mt-2 space-y-1 text-sm">
            {participants.map((p) => (
              <li key={p.id}>
                {p.personId ? <Link href={`/admin/people/${encodeURIComponent(p.personId)}`} className="text-accent underline">{p.personName ?? p.personId}</Link> : <span>(not named)</span>}
                {" "}— {p.title}, {p.partyId}{p.leadsDelegation ? ", head of delegation" : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

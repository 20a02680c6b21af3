import type { BriefingDocument, DocSource, EventEntry, WhoEntry } from "@/lib/briefing/document";
import { participantLabel } from "@/lib/briefing/labels";
import { Cite } from "./topic-section";

const none = (text: string) => <p className="text-sm italic text-slate-500">{text}</p>;

export function TimelineSection({ doc }: { doc: BriefingDocument }) {
  if (doc.timeline.length === 0) return none("No meetings on record.");
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {doc.timeline.map((m) => (
        <li key={m.meetingId}>
          <p className="font-medium">
            {m.date} — {m.name}{" "}
            {m.citations.map((c) => (
              <Cite key={c.number} n={c.number} />
            ))}
          </p>
          <p className="text-sm text-slate-600">
            {[m.format, m.place, m.mode === "online" ? "online" : null].filter(Boolean).join(" · ")}
          </p>
          {m.leaders.length > 0 && (
            <ul className="mt-1 text-sm">
              {m.leaders.map((l, i) => (
                <li key={i}>{participantLabel(l)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

export function WhosWhoSection({ people }: { people: WhoEntry[] }) {
  if (people.length === 0) return none("No named people in the meetings on record.");
  return (
    <dl className="space-y-3">
      {people.map((p) => (
        <div key={p.personId}>
          <dt className="font-medium">
            {p.name} <span className="text-sm font-normal text-slate-600">({p.party})</span>
          </dt>
          <dd className="text-sm">
            {p.title}, as of {p.asOf}
            {p.earlier.length > 0 && (
              <span className="text-slate-600">
                {" "}
                — earlier: {p.earlier.map((e) => `${e.title} (${e.asOf})`).join("; ")}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function EventList({ events }: { events: EventEntry[] }) {
  return (
    <ul className="space-y-1 text-sm">
      {events.map((e) => (
        <li key={e.meetingId}>
          {e.date} — {e.name}
          {e.place ? `, ${e.place}` : ""}{" "}
          {e.citations.map((c) => (
            <Cite key={c.number} n={c.number} />
          ))}
        </li>
      ))}
    </ul>
  );
}

export function EventsSection({ doc }: { doc: BriefingDocument }) {
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">Forthcoming</h3>
      {doc.forthcoming.length ? <EventList events={doc.forthcoming} /> : none("Nothing announced ahead.")}
      <h3 className="font-semibold">Announced, not confirmed as held</h3>
      {doc.unconfirmed.length ? <EventList events={doc.unconfirmed} /> : none("None.")}
    </div>
  );
}

export function SourcesSection({ sources }: { sources: DocSource[] }) {
  if (sources.length === 0) return none("No sources cited.");
  return (
    <ol className="space-y-1 text-sm">
      {sources.map((s) => (
        <li key={s.number} id={`source-${s.number}`} data-testid="preview-source">
          [{s.number}] {s.publisher}, “{s.title}”, {s.date}
          {s.url && (
            <>
              ,{" "}
              <a href={s.url} className="text-accent underline" rel="noreferrer">
                {s.url}
              </a>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

import {
  clearanceLine,
  documentOutline,
  withheldLine,
  type BriefingDocument,
  type OutlineEntry,
} from "@/lib/briefing/document";
import { EventsSection, SourcesSection, TimelineSection, WhosWhoSection } from "./data-sections";
import { KeyFiguresSection } from "./key-figures";
import { TopicSection } from "./topic-section";

/**
 * The HTML preview of a briefing: the same document, sections and order as the PDF
 * (both follow documentOutline), so what staff review is what prints.
 */
export function BriefingPreview({ doc }: { doc: BriefingDocument }) {
  const outline = documentOutline(doc);
  return (
    <article className="card mx-auto max-w-4xl space-y-8 p-6 sm:p-10" aria-label={`Briefing: ${doc.title}`}>
      <header className="space-y-2 border-b border-slate-200 pb-6 text-center">
        <p className="text-xs font-bold tracking-[0.3em] text-red-800">{doc.marking}</p>
        <h1 className="font-serif text-3xl font-semibold text-ink">{doc.title}</h1>
        <p className="text-slate-700">
          {doc.country.name} · prepared by {doc.preparedBy} · {doc.preparedOn}
        </p>
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          {doc.status === "draft" ? "Draft" : "Final"} · revision {doc.revision}
        </p>
        {doc.clearance && (
          <p className="text-sm font-semibold text-green-800" data-testid="preview-clearance">
            {clearanceLine(doc)}
          </p>
        )}
        {withheldLine(doc) && (
          <p className="text-sm text-slate-700" data-testid="preview-withheld">
            {withheldLine(doc)}
          </p>
        )}
        {doc.purpose && (
          <p className="mx-auto max-w-2xl pt-2 text-slate-800">
            <span className="font-semibold">Purpose: </span>
            {doc.purpose}
          </p>
        )}
      </header>
      <nav aria-labelledby="contents-heading">
        <h2 id="contents-heading" className="font-serif text-xl font-semibold text-ink">
          Contents
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm" data-testid="preview-contents">
          {outline.map((o) => (
            <li key={o.id}>
              <a href={`#${o.id}`} className="text-accent hover:underline">
                {o.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {outline.map((entry) => (
        <PreviewSection key={entry.id} entry={entry} doc={doc} />
      ))}
    </article>
  );
}

function PreviewSection({ entry, doc }: { entry: OutlineEntry; doc: BriefingDocument }) {
  const body = (() => {
    switch (entry.id) {
      case "occasion":
        return <OccasionBody doc={doc} />;
      case "key-messages":
        return doc.keyMessages.length ? (
          <ul className="list-disc space-y-1 pl-6">
            {doc.keyMessages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : (
          <Empty>No key messages written yet.</Empty>
        );
      case "background":
        return doc.background ? (
          <p className="whitespace-pre-line">{doc.background}</p>
        ) : (
          <Empty>No background notes written yet.</Empty>
        );
      case "key-figures":
        return <KeyFiguresSection figures={doc.keyFigures} />;
      case "timeline":
        return <TimelineSection doc={doc} />;
      case "whos-who":
        return <WhosWhoSection people={doc.whosWho} />;
      case "events":
        return <EventsSection doc={doc} />;
      case "sources":
        return <SourcesSection sources={doc.sources} />;
      default: {
        const section = doc.sections.find((s) => `topic-${s.topicId}` === entry.id);
        return section ? <TopicSection section={section} /> : null;
      }
    }
  })();
  return (
    <section
      id={entry.id}
      aria-labelledby={`${entry.id}-heading`}
      data-testid="preview-section"
      className="space-y-3 scroll-mt-20"
    >
      <h2
        id={`${entry.id}-heading`}
        className="border-b border-slate-200 pb-1 font-serif text-xl font-semibold text-ink"
      >
        {entry.title}
      </h2>
      {body}
    </section>
  );
}

function OccasionBody({ doc }: { doc: BriefingDocument }) {
  const rows = [
    ["Meeting", doc.occasion.meeting],
    ["Date", doc.occasion.date],
    ["Place", doc.occasion.place],
    ["Counterpart", doc.occasion.counterpart],
    ["Our principal", doc.occasion.principal],
  ].filter(([, v]) => v);
  return (
    <div className="space-y-2">
      {rows.length ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-semibold text-slate-700">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <Empty>The occasion has not been described.</Empty>
      )}
      {doc.lastMet && (
        <p className="text-sm">
          <span className="font-semibold">Last met: </span>
          {doc.lastMet}
        </p>
      )}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm italic text-slate-500">{children}</p>;
}

import type { DocSection } from "@/lib/briefing/document";

export function Cite({ n }: { n: number }) {
  return (
    <a href={`#source-${n}`} className="align-super text-xs text-accent" aria-label={`Source ${n}`}>
      [{n}]
    </a>
  );
}

export function TopicSection({ section }: { section: DocSection }) {
  return (
    <ul className="space-y-3">
      {section.facts.map((f) => (
        <li key={f.id} data-testid="preview-fact" data-fact-id={f.id}>
          <p>
            {f.text} <Cite n={f.citation.number} />
          </p>
          <p className="text-xs text-slate-600">
            {f.date}
            {f.dated && <span className="ml-2 font-semibold text-amber-800">Dated</span>}
            {f.meeting && <span className="ml-2">· {f.meeting}</span>}
          </p>
          {f.note && (
            <p className="mt-1 border-l-4 border-accent/40 pl-3 text-sm text-slate-700">
              <span className="font-semibold">Note: </span>
              {f.note}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

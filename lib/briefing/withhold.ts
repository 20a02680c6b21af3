import type { BriefingDocument } from "./document";

/**
 * A built document without the facts a reader may not see (issue 16: facts marked above their
 * clearance level), for a finalised briefing, whose document is frozen and cannot be built again
 * for them. The facts go from the sections and the key figures; a source that nothing left cites
 * goes from the list (the others keep their numbers, as printed). `withheld` counts the facts
 * left out, so the reader is told that something is missing, and nothing more.
 */
export function withholdFacts(doc: BriefingDocument, hidden: ReadonlySet<string>): BriefingDocument {
  const removed = new Set<string>();
  const keep = (id: string) => {
    if (!hidden.has(id)) return true;
    removed.add(id);
    return false;
  };
  const sections = doc.sections
    .map((s) => ({ ...s, facts: s.facts.filter((f) => keep(f.id)) }))
    .filter((s) => s.facts.length > 0);
  const keyFigures = doc.keyFigures
    .map((k) => ({ ...k, values: k.values.filter((v) => keep(v.factId)) }))
    .filter((k) => k.values.length > 0)
    .map((k) => ({ ...k, disagreement: k.disagreement && new Set(k.values.map((v) => v.display)).size > 1 }));
  if (removed.size === 0) return doc;
  const cited = new Set([
    ...sections.flatMap((s) => s.facts.map((f) => f.citation.number)),
    ...keyFigures.flatMap((k) => k.values.map((v) => v.citation.number)),
    ...doc.timeline.flatMap((t) => t.citations.map((c) => c.number)),
    ...[...doc.forthcoming, ...doc.unconfirmed].flatMap((e) => e.citations.map((c) => c.number)),
  ]);
  return {
    ...doc,
    sections,
    keyFigures,
    sources: doc.sources.filter((s) => cited.has(s.number)),
    withheld: (doc.withheld ?? 0) + removed.size,
  };
}

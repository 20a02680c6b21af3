/** A stretch of a source's text, marked when some fact quotes it. */
export interface Segment {
  text: string;
  covered: boolean;
  start: number;
}

/**
 * Splits `fullText` into covered and uncovered stretches: every occurrence of every quote
 * counts (a quote that appears twice is verbatim in both places), overlaps are merged.
 */
export function coverageSegments(fullText: string, quotes: string[]): Segment[] {
  const ranges: [number, number][] = [];
  for (const q of quotes) {
    if (!q) continue;
    for (let at = fullText.indexOf(q); at !== -1; at = fullText.indexOf(q, at + 1)) ranges.push([at, at + q.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: fullText.slice(pos, s), covered: false, start: pos });
    out.push({ text: fullText.slice(s, e), covered: true, start: s });
    pos = e;
  }
  if (pos < fullText.length) out.push({ text: fullText.slice(pos), covered: false, start: pos });
  return out;
}

import { documentOutline, type BriefingDocument, type OutlineEntry } from "../../briefing/document";

/**
 * How a briefing's body is cut into parts that render in parallel, one per worker thread,
 * and are merged afterwards. Each part starts on a new page. Cuts fall between sections where
 * that keeps the parts balanced; a topic section much longer than the rest may be cut between
 * two facts, and its second half then opens with "<title> (continued)".
 */

export interface PartSlice {
  entry: OutlineEntry;
  /** For topic sections: the facts [from, to) this part prints; the whole section otherwise. */
  facts?: { from: number; to: number };
  /** True when an earlier part printed the start of this section. */
  continued: boolean;
}

export interface PartPlan {
  /** The first part also prints the cover and the contents. */
  front: boolean;
  slices: PartSlice[];
}

/** Parts never exceed this, whatever the cores: the same briefing gives the same PDF everywhere. */
export const MAX_PARTS = 2;

// Render cost in "characters of a fact": a fact costs its length plus FACT_OVERHEAD; the
// rest were calibrated against that by timing parts holding one kind of section each
// (a timeline row, five table cells, costs as much as 300 characters of facts). Weights
// that are off by a fifth leave one thread idle for a tenth of the render.
const FACT_OVERHEAD = 60;
const BLOCK_WEIGHT = 400;
const FRONT_WEIGHT = 2_600;
/** Below this, one part: the gain would not pay for a second document and its page break. */
export const MIN_WEIGHT_TO_SPLIT = 24_000;
/** A cut inside a section counts as this much imbalance, so section boundaries win when close. */
const MID_SECTION_PENALTY = 0.12;

interface Atom {
  entry: OutlineEntry;
  fact?: number;
  weight: number;
  /** True for the first atom of a section: a cut before it falls between sections. */
  startsSection: boolean;
}

function sectionAtoms(entry: OutlineEntry, doc: BriefingDocument): Atom[] {
  const topic = doc.sections.find((s) => `topic-${s.topicId}` === entry.id);
  if (topic && topic.facts.length > 0) {
    return topic.facts.map((f, i) => ({
      entry,
      fact: i,
      weight: FACT_OVERHEAD + f.text.length + (f.note?.length ?? 0) + (f.meeting?.length ?? 0),
      startsSection: i === 0,
    }));
  }
  const rows: Record<string, number> = {
    occasion: 700,
    "key-figures": doc.keyFigures.length * 250,
    timeline: doc.timeline.length * 300,
    "whos-who": doc.whosWho.length * 130,
    sources: doc.sources.length * 150,
    background: doc.background.length,
    "key-messages": doc.keyMessages.join(" ").length,
  };
  return [{ entry, weight: BLOCK_WEIGHT + (rows[entry.id] ?? 0), startsSection: true }];
}

/** Where to cut `atoms` into `count` runs: the index each later run starts at. */
function cutPoints(atoms: Atom[], count: number): number[] {
  const before: number[] = [0];
  for (const atom of atoms) before.push(before[before.length - 1] + atom.weight);
  const total = before[atoms.length];
  const cuts: number[] = [];
  for (let j = 1; j < count; j++) {
    const target = (total * j) / count;
    let best = { index: -1, cost: Infinity };
    for (let i = (cuts.at(-1) ?? 1) + 1; i < atoms.length; i++) {
      const cost = Math.abs(before[i] - target) / total + (atoms[i].startsSection ? 0 : MID_SECTION_PENALTY);
      if (cost < best.cost) best = { index: i, cost };
    }
    if (best.index < 0) break;
    cuts.push(best.index);
  }
  return cuts;
}

function toSlices(atoms: Atom[]): PartSlice[] {
  const slices: PartSlice[] = [];
  for (const atom of atoms) {
    const last = slices.at(-1);
    if (last && last.entry.id === atom.entry.id && last.facts && atom.fact !== undefined) {
      last.facts.to = atom.fact + 1;
      continue;
    }
    slices.push({
      entry: atom.entry,
      facts: atom.fact === undefined ? undefined : { from: atom.fact, to: atom.fact + 1 },
      continued: !atom.startsSection,
    });
  }
  return slices;
}

/** Cuts the body of `doc` (everything after the contents) into at most `maxParts` parts. */
export function planParts(doc: BriefingDocument, maxParts: number): PartPlan[] {
  const outline = documentOutline(doc);
  // The cover and contents ride with the first part; they weigh in so the parts stay even.
  const front: Atom = { entry: outline[0], weight: FRONT_WEIGHT + outline.length * 40, startsSection: true };
  const atoms = [front, ...outline.flatMap((entry) => sectionAtoms(entry, doc))];
  const total = atoms.reduce((sum, a) => sum + a.weight, 0);
  const count = total < MIN_WEIGHT_TO_SPLIT ? 1 : Math.max(1, Math.min(maxParts, atoms.length));
  const starts = [0, ...cutPoints(atoms, count), atoms.length];
  const parts: PartPlan[] = [];
  for (let p = 0; p + 1 < starts.length; p++) {
    const run = atoms.slice(Math.max(1, starts[p]), starts[p + 1]);
    parts.push({ front: p === 0, slices: toSlices(run) });
  }
  return parts;
}

/**
 * The render places a briefing will likely hold (1 task, or its parts and their assembly),
 * from a cheap count made before its document is built: the route asks the pool for room
 * with it. Only facts are counted, not the timeline, people and sources that come with them,
 * so the threshold is halved to err high (the seeded Kazakhstan draft: 21,700 counted, two
 * parts); the pool corrects the estimate from the document either way.
 */
export function estimatePlaces({ facts, characters }: { facts: number; characters: number }): number {
  const weight = FRONT_WEIGHT + facts * FACT_OVERHEAD + characters;
  return weight < MIN_WEIGHT_TO_SPLIT / 2 ? 1 : MAX_PARTS + 1;
}

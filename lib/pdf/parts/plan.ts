import { documentOutline, type BriefingDocument, type OutlineEntry } from "../../briefing/document";

/**
 * How a briefing is cut into parts: separate documents that render independently (in parallel
 * on the pool's threads, or not at all when the part cache holds them: lib/pdf/part-cache.ts)
 * and are merged by the assembly. The cuts follow what people edit, so that an edit re-renders
 * one part:
 *   the cover                      — title, purpose, status, who cleared it: per document
 *   the front matter               — contents, occasion, key messages, background, key figures
 *   the topic sections             — in runs of facts (TOPIC_RUN), each on a new page
 *   the back matter                — timeline, who's who, events
 *   the sources                    — on a new page: a newly cited source changes the list
 *                                    (and the numbers, which are stamped: citation.tsx)
 * Runs are cut at facts chosen by their ids, not by length, so an edit re-renders one run.
 */

export interface PartSlice {
  entry: OutlineEntry;
  /** For topic sections: the facts [from, to) this part prints; the whole section otherwise. */
  facts?: { from: number; to: number };
  /** True when an earlier part printed the start of this section. */
  continued: boolean;
}

export interface PartPlan {
  /** The cover page alone. */
  cover: boolean;
  /** This part opens with the contents (the front matter). */
  front: boolean;
  slices: PartSlice[];
}

/** Render tasks one briefing is spread over at most (one per thread): the same PDF everywhere. */
export const MAX_PARTS = 2;

/**
 * The topics' facts, all sections in a row, are cut into runs (topicRunSize: TOPIC_RUN for a
 * briefing of up to RUN_BAND_FACTS facts); sections flow on within a run, and each run starts
 * on a new page (a run that starts inside a section opens with "<title> (continued)"). An edit
 * re-renders the run it falls in, and that run plus the assembly must take under half of
 * Chromium's time for the whole briefing (issue 18): on the ~20-page benchmark briefing (216
 * facts) a run of ~35 facts renders in ~25 ms and the assembly takes ~15 ms, against ~110 ms
 * for Chromium. Each cut costs a page break (half a page on average) and each part a few ms of
 * render, so runs are no shorter than that budget needs: a longer briefing, whose whole render
 * takes Chromium longer, gets longer runs (see topicRunSize), and any briefing about the same
 * number of runs.
 *
 * A run ends before a fact whose id hashes to a multiple of `spread` (once the run has `min`
 * facts), or at `max`: the cuts stay with the same facts when a fact is added or removed
 * elsewhere, so only the run that changed renders again, and a note never moves a cut.
 * `spread` is small beside `max - min` so that a run seldom ends at `max` (under 2 %): a cut
 * made by counting moves when a fact is added before it, and the runs after it would move with
 * it (with runs of 24 to 40 facts and `spread` 16, a third ended at `max`, and one added fact
 * re-rendered most of the briefing).
 */
export const TOPIC_RUN = { min: 24, spread: 12, max: 72 } as const;
/** Up to this many facts, runs are TOPIC_RUN; each doubling past it doubles them. */
export const RUN_BAND_FACTS = 400;

/**
 * The run size for a briefing of `facts` facts: TOPIC_RUN, doubled for each doubling of the
 * facts past RUN_BAND_FACTS. Sizes come in bands, so the cuts stay put while facts come and go;
 * a briefing crossing a band's edge is cut afresh and renders whole once.
 */
export function topicRunSize(facts: number): { min: number; spread: number; max: number } {
  let scale = 1;
  while (facts > RUN_BAND_FACTS * scale) scale *= 2;
  return { min: TOPIC_RUN.min * scale, spread: TOPIC_RUN.spread * scale, max: TOPIC_RUN.max * scale };
}

/** FNV-1a: a small, stable hash of a fact's id, where runs may end. */
function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Where the topics' facts are cut into runs (see TOPIC_RUN). */
export function topicRuns(facts: { id: string }[]): { from: number; to: number }[] {
  const size = topicRunSize(facts.length);
  const runs: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 1; i < facts.length; i++) {
    const length = i - from;
    const boundary = length >= size.min && idHash(facts[i].id) % size.spread === 0;
    if (boundary || length >= size.max) {
      runs.push({ from, to: i });
      from = i;
    }
  }
  runs.push({ from, to: facts.length });
  return runs;
}

const FRONT_IDS = new Set(["occasion", "key-messages", "background", "key-figures"]);
const BACK_IDS = new Set(["timeline", "whos-who", "events"]);

// Render cost in "characters of a fact" (~3 µs each on this machine): a fact costs its length
// plus FACT_OVERHEAD; the rest were calibrated against that by timing parts holding one kind
// of section each, at two lengths (a timeline row, five table cells, costs as much as 370
// characters of facts; a forthcoming event as a person row). Every part costs PART_WEIGHT
// besides (~4 ms: a react-pdf document of its own, whatever it holds), so a task of many short
// parts is not taken for a light one.
const FACT_OVERHEAD = 60;
const BLOCK_WEIGHT = 400;
const FRONT_WEIGHT = 2_600;
const PART_WEIGHT = 1_300;
/** The cover page costs ~6.5 ms in all: its own layout on top of PART_WEIGHT. */
const COVER_WEIGHT = 900;
/**
 * Below this, a briefing's parts go to one thread: it is admitted for one render place
 * (placesForDocument), and a second task would not pay for its hop and the place it holds.
 * Raised from 24,000 when PART_WEIGHT came in, so that about the same briefings split.
 */
export const MIN_WEIGHT_TO_SPLIT = 32_000;
/**
 * A briefing heavy enough to be split holds places for both threads; when the part cache
 * leaves only some of its parts to render (an edit, a newly cited source: a run and the
 * Sources list), they still go to both threads once they weigh this much together (~18 ms
 * of render with the parts' own cost; a hop costs 1 to 2).
 */
export const MIN_WEIGHT_TO_SPLIT_CACHED = 6_000;

/** A fact of a topic (its index), or a topic without facts (null), with the id runs are cut by. */
interface TopicItem {
  entry: OutlineEntry;
  fact: number | null;
  id: string;
}

/** Cuts `doc` into parts (see above). Every outline entry is opened once, in order. */
export function planParts(doc: BriefingDocument): PartPlan[] {
  const outline = documentOutline(doc);
  const parts: PartPlan[] = [
    { cover: true, front: false, slices: [] },
    {
      cover: false,
      front: true,
      slices: outline.filter((e) => FRONT_IDS.has(e.id)).map((entry) => ({ entry, continued: false })),
    },
  ];
  // The topics' facts in print order; a topic without facts is one item (its heading and "No facts").
  const items = doc.sections.flatMap((section): TopicItem[] => {
    const entry = outline.find((e) => e.id === `topic-${section.topicId}`)!;
    if (section.facts.length === 0) return [{ entry, fact: null, id: `${section.topicId}/` }];
    return section.facts.map((fact, index) => ({ entry, fact: index, id: `${section.topicId}/${fact.id}` }));
  });
  for (const run of topicRuns(items)) {
    const slices: PartSlice[] = [];
    for (const item of items.slice(run.from, run.to)) {
      const last = slices.at(-1);
      if (last && last.entry.id === item.entry.id && last.facts && item.fact !== null) {
        last.facts.to = item.fact + 1;
        continue;
      }
      slices.push({
        entry: item.entry,
        facts: item.fact === null ? undefined : { from: item.fact, to: item.fact + 1 },
        continued: item.fact !== null && item.fact > 0,
      });
    }
    parts.push({ cover: false, front: false, slices });
  }
  parts.push({
    cover: false,
    front: false,
    slices: outline.filter((e) => BACK_IDS.has(e.id)).map((entry) => ({ entry, continued: false })),
  });
  parts.push({
    cover: false,
    front: false,
    slices: outline.filter((e) => e.id === "sources").map((entry) => ({ entry, continued: false })),
  });
  return parts;
}

/** The render cost of one part, in the units above: whether a briefing splits, and its parts' order. */
export function partWeight(doc: BriefingDocument, part: PartPlan): number {
  if (part.cover) return PART_WEIGHT + COVER_WEIGHT;
  let weight = PART_WEIGHT + (part.front ? FRONT_WEIGHT : 0);
  for (const slice of part.slices) {
    const topic = doc.sections.find((s) => `topic-${s.topicId}` === slice.entry.id);
    if (topic) {
      const facts = topic.facts.slice(slice.facts?.from ?? 0, slice.facts?.to ?? topic.facts.length);
      weight += BLOCK_WEIGHT;
      for (const f of facts) weight += FACT_OVERHEAD + f.text.length + (f.note?.length ?? 0) + (f.meeting?.length ?? 0);
      continue;
    }
    const rows: Record<string, number> = {
      occasion: 700,
      "key-figures": doc.keyFigures.length * 250,
      timeline: doc.timeline.length * 370,
      "whos-who": doc.whosWho.length * 130,
      events: doc.forthcoming.length * 130,
      sources: doc.sources.length * 150,
      background: doc.background.length,
      "key-messages": doc.keyMessages.join(" ").length,
    };
    weight += BLOCK_WEIGHT + (rows[slice.entry.id] ?? 0);
  }
  return weight;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * How many render tasks (threads) a briefing's parts go to: one, or MAX_PARTS when the whole
 * briefing weighs at least MIN_WEIGHT_TO_SPLIT and the parts left to render (`missing`, the
 * part cache holding the others; all when omitted) at least MIN_WEIGHT_TO_SPLIT_CACHED; never
 * more tasks than parts, so none when the cache holds them all. The tasks share one list of
 * the parts (renderOrder), so the weights need not balance them, only say whether a second
 * thread pays for its hop and the place it holds.
 */
export function renderTaskCount({ weights, missing }: { weights: number[]; missing?: number[] }): number {
  const left = missing ? sum(missing.map((index) => weights[index])) : sum(weights);
  const split = sum(weights) >= MIN_WEIGHT_TO_SPLIT && left >= MIN_WEIGHT_TO_SPLIT_CACHED;
  return Math.min(split ? MAX_PARTS : 1, missing?.length ?? weights.length);
}

/**
 * The order in which a briefing's render tasks take its missing parts: heaviest first, so the
 * last parts taken, while the other thread finishes its own, are short (ties in print order).
 */
export function renderOrder({ weights, missing }: { weights: number[]; missing: number[] }): number[] {
  return [...missing].sort((a, b) => weights[b] - weights[a] || a - b);
}

/** The render cost of each of a briefing's parts (partWeight). */
export function partWeights(doc: BriefingDocument, plans: PartPlan[]): number[] {
  return plans.map((plan) => partWeight(doc, plan));
}

/** Render places a whole document takes (its render tasks and the assembly after them). */
export function placesForDocument(doc: BriefingDocument): number {
  const tasks = renderTaskCount({ weights: partWeights(doc, planParts(doc)) });
  return tasks <= 1 ? 1 : tasks + 1;
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

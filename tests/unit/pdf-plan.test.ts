import { describe, expect, it } from "vitest";
import { documentOutline, type BriefingDocument } from "@/lib/briefing/document";
import {
  MAX_PARTS,
  partWeight,
  partWeights,
  placesForDocument,
  planParts,
  renderOrder,
  renderTaskCount,
  RUN_BAND_FACTS,
  TOPIC_RUN,
  topicRunSize,
  topicRuns,
  type PartPlan,
} from "@/lib/pdf/parts/plan";
import { makeBriefingDoc } from "../helpers/briefing-doc";

/** Every outline entry opened exactly once, in order, and every fact of every topic printed once, in order. */
function expectCompleteAndOrdered(doc: BriefingDocument, parts: PartPlan[]) {
  const slices = parts.flatMap((p) => p.slices);
  expect(slices.filter((s) => !s.continued).map((s) => s.entry.id)).toEqual(documentOutline(doc).map((e) => e.id));
  for (const section of doc.sections) {
    const printed = slices
      .filter((s) => s.entry.id === `topic-${section.topicId}`)
      .flatMap((s) => section.facts.slice(s.facts?.from ?? 0, s.facts?.to ?? section.facts.length));
    expect(printed.map((f) => f.id)).toEqual(section.facts.map((f) => f.id));
  }
  expect(parts.map((p) => p.cover)).toEqual(parts.map((_, i) => i === 0));
  expect(parts.map((p) => p.front)).toEqual(parts.map((_, i) => i === 1));
  for (const part of parts.slice(1)) expect(part.slices.length).toBeGreaterThan(0);
}

describe("planParts", () => {
  it("cuts along what people edit: cover, front matter, the topics in runs, back matter, sources", () => {
    const doc = makeBriefingDoc({ scale: 1 });
    const parts = planParts(doc);
    expectCompleteAndOrdered(doc, parts);
    expect(parts[1].slices.map((s) => s.entry.id)).toEqual(["occasion", "key-messages", "background", "key-figures"]);
    expect(parts.at(-2)!.slices.map((s) => s.entry.id)).toEqual(["timeline", "whos-who", "events"]);
    // The Sources list is its own part: a newly cited source changes it and nothing else.
    expect(parts.at(-1)!.slices.map((s) => s.entry.id)).toEqual(["sources"]);
    // A short briefing's topics (24 facts) flow together in one run: no page break between them.
    expect(parts).toHaveLength(5);
    expect(parts[2].slices.map((s) => s.entry.id)).toEqual(doc.sections.map((s) => `topic-${s.topicId}`));
  });

  it("cuts the topics into runs of their size's min to max facts, a run opening mid-section continued", () => {
    const doc = makeBriefingDoc({ scale: 1 });
    const giant = doc.sections[1];
    doc.sections[1] = {
      ...giant,
      facts: Array.from({ length: 400 }, (_, i) => ({ ...giant.facts[0], id: `giant-${i}` })),
    };
    const parts = planParts(doc);
    expectCompleteAndOrdered(doc, parts);
    const runs = parts.slice(2, -2);
    const size = topicRunSize(doc.sections.reduce((n, s) => n + Math.max(1, s.facts.length), 0));
    expect(runs.length).toBeGreaterThan(400 / size.max);
    const facts = (p: PartPlan) => p.slices.reduce((n, s) => n + (s.facts ? s.facts.to - s.facts.from : 1), 0);
    for (const run of runs.slice(0, -1)) {
      expect(facts(run)).toBeGreaterThanOrEqual(size.min);
      expect(facts(run)).toBeLessThanOrEqual(size.max);
    }
    for (const run of runs) {
      const first = run.slices[0];
      expect(first.continued).toBe((first.facts?.from ?? 0) > 0);
    }
    expect(runs.some((r) => r.slices[0].continued)).toBe(true);
  });

  it("doubles the runs with each doubling of the facts past RUN_BAND_FACTS, so a long briefing has about as many runs", () => {
    expect(topicRunSize(1)).toEqual(TOPIC_RUN);
    expect(topicRunSize(RUN_BAND_FACTS)).toEqual(TOPIC_RUN);
    expect(topicRunSize(RUN_BAND_FACTS + 1).min).toBe(2 * TOPIC_RUN.min);
    expect(topicRunSize(4 * RUN_BAND_FACTS + 1)).toEqual({
      min: 8 * TOPIC_RUN.min,
      spread: 8 * TOPIC_RUN.spread,
      max: 8 * TOPIC_RUN.max,
    });
    const counts = [300, 1_200, 4_000].map(
      (n) => topicRuns(Array.from({ length: n }, (_, i) => ({ id: `f-${i}` }))).length,
    );
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(3);
    expect(Math.max(...counts) / Math.min(...counts)).toBeLessThan(3);
  });

  it("prints a topic without facts in the run of its neighbours", () => {
    const doc = makeBriefingDoc({ scale: 1 });
    doc.sections[2] = { ...doc.sections[2], facts: [] };
    expectCompleteAndOrdered(doc, planParts(doc));
  });

  it("keeps the other runs' cuts with their facts when a fact is added to a long topic", () => {
    const facts = Array.from({ length: 300 }, (_, i) => ({ id: `fact-${i}` }));
    const before = topicRuns(facts).map((r) =>
      facts
        .slice(r.from, r.to)
        .map((f) => f.id)
        .join(),
    );
    const added = [...facts.slice(0, 150), { id: "fact-new" }, ...facts.slice(150)];
    const after = topicRuns(added).map((r) =>
      added
        .slice(r.from, r.to)
        .map((f) => f.id)
        .join(),
    );
    const changed = after.filter((run) => !before.includes(run));
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(changed.join()).toContain("fact-new");
  });

  it("keeps the cuts where they were when a note grows (cuts count facts, not characters)", () => {
    const doc = makeBriefingDoc({ scale: 30 });
    const before = planParts(doc);
    doc.sections[0].facts[3] = { ...doc.sections[0].facts[3], note: "x".repeat(5_000) };
    expect(planParts(doc)).toEqual(before);
  });
});

describe("partWeight", () => {
  it("counts what each back-matter list holds, forthcoming events too, and a cost per part", () => {
    const doc = makeBriefingDoc({ scale: 1 });
    const back = planParts(doc).at(-2)!;
    expect(back.slices.map((s) => s.entry.id)).toContain("events");
    const more = { ...doc, forthcoming: [...doc.forthcoming, ...doc.forthcoming, ...doc.forthcoming] };
    expect(partWeight(more, back)).toBeGreaterThan(partWeight(doc, back));
    // Even a part with almost nothing to print costs its own document.
    const cover = planParts(doc)[0];
    expect(partWeight(doc, cover)).toBeGreaterThanOrEqual(2_000);
  });
});

describe("renderTaskCount", () => {
  const light = makeBriefingDoc({ scale: 1 });
  const long = makeBriefingDoc({ scale: 9, sourceCount: 40 });
  const lightWeights = partWeights(light, planParts(light));
  const longPlans = planParts(long);
  const longWeights = partWeights(long, longPlans);

  it("gives a light briefing one task and place, a long one MAX_PARTS tasks and a place for the assembly", () => {
    expect(renderTaskCount({ weights: lightWeights })).toBe(1);
    expect(placesForDocument(light)).toBe(1);
    expect(renderTaskCount({ weights: longWeights })).toBe(MAX_PARTS);
    expect(placesForDocument(long)).toBe(MAX_PARTS + 1);
  });

  it("splits a long briefing's uncached parts (a run and the Sources) over both threads, a light one's not", () => {
    const run = longPlans.findIndex((p) => p.slices.some((s) => s.facts));
    const sources = longPlans.length - 1;
    expect(renderTaskCount({ weights: longWeights, missing: [run, sources] })).toBe(MAX_PARTS);
    // Alone, the two would stay together: what decides is that the whole briefing was split.
    const alone = [longWeights[run], longWeights[sources]];
    expect(renderTaskCount({ weights: alone })).toBe(1);
    expect(renderTaskCount({ weights: lightWeights, missing: [2, lightWeights.length - 1] })).toBe(1);
  });

  it("gives one part one task, and none when the cache holds every part", () => {
    expect(renderTaskCount({ weights: longWeights, missing: [2] })).toBe(1);
    expect(renderTaskCount({ weights: longWeights, missing: [] })).toBe(0);
  });
});

describe("renderOrder", () => {
  it("lists the missing parts heaviest first, ties in print order", () => {
    expect(renderOrder({ weights: [5, 9, 5, 1, 9], missing: [0, 1, 2, 3, 4] })).toEqual([1, 4, 0, 2, 3]);
    expect(renderOrder({ weights: [5, 9, 5, 1, 9], missing: [3, 2, 0] })).toEqual([0, 2, 3]);
  });
});

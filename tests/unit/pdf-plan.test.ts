import { describe, expect, it } from "vitest";
import { documentOutline, type BriefingDocument } from "@/lib/briefing/document";
import { MAX_PARTS, planParts, type PartPlan } from "@/lib/pdf/parts/plan";
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
  expect(parts.map((p) => p.front)).toEqual(parts.map((_, i) => i === 0));
  for (const part of parts) expect(part.slices.length).toBeGreaterThan(0);
}

const factChars = (doc: BriefingDocument, part: PartPlan) =>
  part.slices.reduce((sum, s) => {
    const section = doc.sections.find((x) => `topic-${x.topicId}` === s.entry.id);
    return sum + (section?.facts.slice(s.facts?.from ?? 0, s.facts?.to).reduce((n, f) => n + f.text.length, 0) ?? 0);
  }, 0);

describe("planParts", () => {
  it("keeps a short briefing in one part, with the cover and contents", () => {
    const doc = makeBriefingDoc({ scale: 1 });
    const parts = planParts(doc, MAX_PARTS);
    expect(parts).toHaveLength(1);
    expectCompleteAndOrdered(doc, parts);
  });

  it("cuts a long briefing into two balanced parts, between sections where it can", () => {
    const doc = makeBriefingDoc({ scale: 9, sourceCount: 40 });
    const parts = planParts(doc, MAX_PARTS);
    expect(parts).toHaveLength(2);
    expectCompleteAndOrdered(doc, parts);
    expect(parts.flatMap((p) => p.slices).some((s) => s.continued)).toBe(false);
  });

  it("cuts inside a section that dwarfs the rest, and marks the second half continued", () => {
    const doc = makeBriefingDoc({ scale: 1 });
    const giant = doc.sections[1];
    doc.sections[1] = {
      ...giant,
      facts: Array.from({ length: 200 }, (_, i) => ({ ...giant.facts[0], id: `giant-${i}` })),
    };
    const parts = planParts(doc, MAX_PARTS);
    expect(parts).toHaveLength(2);
    expectCompleteAndOrdered(doc, parts);
    const continued = parts[1].slices[0];
    expect(continued).toMatchObject({ entry: { id: `topic-${giant.topicId}` }, continued: true });
    const [a, b] = parts.map((p) => factChars(doc, p));
    expect(Math.abs(a - b) / (a + b)).toBeLessThan(0.2);
  });

  it("never makes more parts than asked", () => {
    const doc = makeBriefingDoc({ scale: 40 });
    expect(planParts(doc, 1)).toHaveLength(1);
    expectCompleteAndOrdered(doc, planParts(doc, 1));
  });
});

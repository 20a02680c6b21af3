import { describe, expect, it } from "vitest";
import { LoadTally, pickWeighted } from "@/bench/load-stats";

describe("bench:load tally", () => {
  it("counts statuses per kind and keeps honest refusals apart from server failures", () => {
    const tally = new LoadTally();
    for (const [kind, outcome] of [
      ["pdf", 200],
      ["pdf", 503],
      ["pdf", 429],
      ["pdf", 500],
      ["pdf", 504],
      ["list", 200],
      ["list", "timeout"],
    ] as const) {
      tally.record(kind, outcome, 10);
    }
    expect(tally.total).toBe(7);
    expect(tally.failures()).toEqual({ serverErrors: 2, unanswered: 1 });
    const pdf = tally.summary().find((row) => row.kind === "pdf")!;
    expect(pdf.requests).toBe(5);
    expect(new Map(pdf.statuses).get(503)).toBe(1);
  });

  it("takes percentiles over the kinds asked for, together", () => {
    const tally = new LoadTally();
    for (let ms = 1; ms <= 100; ms++) tally.record(ms % 2 ? "list" : "preview", 200, ms);
    tally.record("pdf", 200, 99_999);
    expect(tally.percentileOf(["list", "preview"], 50)).toBe(50);
    expect(tally.percentileOf(["list", "preview"], 99)).toBe(99);
    expect(tally.percentileOf(["composer"], 99)).toBeNaN();
  });
});

describe("bench:load weighted pick", () => {
  it("chooses by weight and never picks a kind weighted 0", () => {
    const weights = { a: 1, b: 0, c: 3 };
    expect(pickWeighted(weights, 0)).toBe("a");
    expect(pickWeighted(weights, 0.24)).toBe("a");
    expect(pickWeighted(weights, 0.25)).toBe("c");
    expect(pickWeighted(weights, 0.999)).toBe("c");
  });
});

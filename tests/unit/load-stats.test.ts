import { describe, expect, it } from "vitest";
import { compareRuns, LoadTally, pickWeighted, type RunFigures } from "@/bench/load-stats";

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

describe("bench:load side by side (--baseline-env)", () => {
  const run = (lightP50: number, saves: number, pdfsServed: number): RunFigures => ({
    lightP50,
    lightP99: lightP50 * 2,
    saves,
    pdfsServed,
    pdfsRefused: 0,
    rssEndBytes: 800 * 1024 * 1024,
    failures: 0,
  });

  it("prints each figure's median with every run, and the ratio of the medians", () => {
    const rows = compareRuns(
      [run(800, 30, 1100), run(900, 36, 1000), run(850, 33, 1200)],
      [run(400, 60, 450), run(500, 64, 450), run(450, 62, 440)],
    );
    const byLabel = new Map(rows.map((row) => [row.label, row]));
    expect(byLabel.get("light pages p50")).toEqual({
      label: "light pages p50",
      baseline: "850 (800, 900, 850)",
      candidate: "450 (400, 500, 450)",
      ratio: 450 / 850,
    });
    expect(byLabel.get("saves acknowledged")!.ratio).toBeCloseTo(62 / 33);
    expect(byLabel.get("PDFs served (200)")!.ratio).toBeCloseTo(450 / 1100);
    expect(byLabel.get("server RSS at the end")!.baseline).toBe("800 MB (800 MB, 800 MB, 800 MB)");
    expect(Number.isNaN(byLabel.get("server errors + unanswered")!.ratio)).toBe(true); // 0 ÷ 0 says nothing
  });

  it("takes the mean of the middle two for an even number of runs", () => {
    const [p50] = compareRuns([run(100, 1, 1), run(300, 1, 1)], [run(100, 1, 1), run(200, 1, 1)]);
    expect(p50.baseline).toBe("200 (100, 300)");
    expect(p50.ratio).toBe(0.75);
  });

  it("counts the requests of a kind by outcome", () => {
    const tally = new LoadTally();
    tally.record("pdf", 200, 1);
    tally.record("pdf", 503, 1);
    tally.record("pdf", 503, 1);
    expect([
      tally.count("pdf", 200),
      tally.count("pdf", 503),
      tally.count("pdf", 429),
      tally.count("list", 200),
    ]).toEqual([1, 2, 0, 0]);
  });
});

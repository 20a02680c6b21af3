import { describe, expect, it } from "vitest";
import { MARKINGS as DOCUMENT_MARKINGS } from "@/lib/briefing/document";
import {
  checkBriefingMarking,
  checkHandling,
  derivedMarking,
  effectiveMarking,
  HANDLING_VALUES,
  higherMarking,
  MARKINGS,
  markingAtMost,
  markingRank,
  type Handling,
  type Marking,
} from "@/lib/model/handling";

/*
 * The handling rules of lib/model/handling.ts as tables written out by hand. The combination table
 * walks HANDLING_VALUES × MARKINGS, so a value added to either without its row here fails.
 */

// prettier-ignore
const COMBINATIONS = `
  handling              OFFICIAL   OFFICIAL-SENSITIVE   SECRET
  releasable            ok         ok                   refused
  internal              ok         ok                   ok
  not-for-disclosure    ok         ok                   ok
`;

function rows(table: string): string[][] {
  return table
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/));
}

describe("the markings", () => {
  it("are ordered OFFICIAL < OFFICIAL-SENSITIVE < SECRET", () => {
    expect(MARKINGS).toEqual(["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET"]);
    expect(markingRank("OFFICIAL")).toBeLessThan(markingRank("OFFICIAL-SENSITIVE"));
    expect(markingRank("OFFICIAL-SENSITIVE")).toBeLessThan(markingRank("SECRET"));
  });

  it("are the same list the briefing document re-exports", () => {
    expect(DOCUMENT_MARKINGS).toBe(MARKINGS);
  });

  // prettier-ignore
  const PAIRS: [Marking, Marking, Marking, boolean][] = [
    // a                     b                      higher                 a at most b
    ["OFFICIAL",             "OFFICIAL",            "OFFICIAL",            true],
    ["OFFICIAL",             "OFFICIAL-SENSITIVE",  "OFFICIAL-SENSITIVE",  true],
    ["OFFICIAL",             "SECRET",              "SECRET",              true],
    ["OFFICIAL-SENSITIVE",   "OFFICIAL",            "OFFICIAL-SENSITIVE",  false],
    ["OFFICIAL-SENSITIVE",   "OFFICIAL-SENSITIVE",  "OFFICIAL-SENSITIVE",  true],
    ["OFFICIAL-SENSITIVE",   "SECRET",              "SECRET",              true],
    ["SECRET",               "OFFICIAL",            "SECRET",              false],
    ["SECRET",               "OFFICIAL-SENSITIVE",  "SECRET",              false],
    ["SECRET",               "SECRET",              "SECRET",              true],
  ];
  it.each(PAIRS)("%s vs %s: higher %s, at most %s", (a, b, higher, atMost) => {
    expect(higherMarking(a, b)).toBe(higher);
    expect(markingAtMost(a, b)).toBe(atMost);
  });
});

describe("handling × marking", () => {
  const table = rows(COMBINATIONS);
  const header = COMBINATIONS.trim().split("\n")[0].trim().split(/\s+/).slice(1);

  it("covers every handling value and every marking", () => {
    expect(table.map((r) => r[0])).toEqual([...HANDLING_VALUES]);
    expect(header).toEqual([...MARKINGS]);
  });

  for (const [handling, ...answers] of table) {
    answers.forEach((answer, i) => {
      const marking = header[i] as Marking;
      it(`${handling} + ${marking}: ${answer}`, () => {
        const result = checkHandling(handling as Handling, marking);
        expect(result.ok).toBe(answer === "ok");
        if (!result.ok) expect(result.reason).toMatch(/cannot be marked SECRET/);
      });
    });
  }
});

describe("the briefing's marking is derived", () => {
  // prettier-ignore
  const DERIVED: [Marking[], Marking][] = [
    // included facts' markings                          minimum
    [[],                                                 "OFFICIAL"],
    [["OFFICIAL"],                                       "OFFICIAL"],
    [["OFFICIAL", "OFFICIAL"],                           "OFFICIAL"],
    [["OFFICIAL", "OFFICIAL-SENSITIVE"],                 "OFFICIAL-SENSITIVE"],
    [["OFFICIAL-SENSITIVE", "OFFICIAL"],                 "OFFICIAL-SENSITIVE"],
    [["OFFICIAL", "SECRET", "OFFICIAL-SENSITIVE"],       "SECRET"],
    [["SECRET"],                                         "SECRET"],
  ];
  it.each(DERIVED)("facts %j → at least %s", (markings, minimum) => {
    expect(derivedMarking(markings.map((marking) => ({ marking })))).toBe(minimum);
  });

  // prettier-ignore
  const CHOSEN: [Marking, Marking, "ok" | "refused", Marking][] = [
    // chosen                minimum                answer     effective
    ["OFFICIAL",             "OFFICIAL",            "ok",      "OFFICIAL"],
    ["OFFICIAL-SENSITIVE",   "OFFICIAL",            "ok",      "OFFICIAL-SENSITIVE"],  // raised
    ["SECRET",               "OFFICIAL",            "ok",      "SECRET"],              // raised
    ["OFFICIAL",             "OFFICIAL-SENSITIVE",  "refused", "OFFICIAL-SENSITIVE"],  // lowered
    ["OFFICIAL-SENSITIVE",   "OFFICIAL-SENSITIVE",  "ok",      "OFFICIAL-SENSITIVE"],
    ["SECRET",               "OFFICIAL-SENSITIVE",  "ok",      "SECRET"],
    ["OFFICIAL",             "SECRET",              "refused", "SECRET"],
    ["OFFICIAL-SENSITIVE",   "SECRET",              "refused", "SECRET"],
    ["SECRET",               "SECRET",              "ok",      "SECRET"],
  ];
  it.each(CHOSEN)("chosen %s with minimum %s: %s, carries %s", (chosen, minimum, answer, effective) => {
    const result = checkBriefingMarking(chosen, minimum);
    expect(result.ok).toBe(answer === "ok");
    if (!result.ok) {
      expect(result.minimum).toBe(minimum);
      expect(result.reason).toContain(`cannot be marked lower than ${minimum}`);
    }
    expect(effectiveMarking(chosen, minimum)).toBe(effective);
  });
});

import { describe, expect, it } from "vitest";
import { savedMarking, type ComposerItem } from "@/app/briefings/[id]/compose/types";
import type { Handling, Marking } from "@/lib/model/handling";
import { describeHandlingTotals, handlingTotals, minimumMarking } from "@/lib/model/handling-totals";

/* What the composer shows about handling (lib/model/handling-totals.ts) and the marking it saves. */

const fact = (handling: Handling, marking: Marking) => ({ handling, marking });

describe("the handling totals of a section or briefing", () => {
  it("count each handling value and name the highest marking", () => {
    const facts = [
      ...Array.from({ length: 5 }, () => fact("releasable", "OFFICIAL")),
      fact("internal", "OFFICIAL"),
      fact("internal", "OFFICIAL-SENSITIVE"),
      fact("not-for-disclosure", "OFFICIAL-SENSITIVE"),
    ];
    const totals = handlingTotals(facts);
    expect(totals).toEqual({
      count: 8,
      byHandling: { releasable: 5, internal: 2, "not-for-disclosure": 1 },
      highest: "OFFICIAL-SENSITIVE",
    });
    expect(describeHandlingTotals(totals)).toBe(
      "5 releasable, 2 internal, 1 not for disclosure · highest OFFICIAL-SENSITIVE",
    );
  });

  it("leave out values no fact has, and say none when there are no facts", () => {
    expect(describeHandlingTotals(handlingTotals([fact("internal", "SECRET")]))).toBe("1 internal · highest SECRET");
    expect(handlingTotals([]).highest).toBeNull();
    expect(describeHandlingTotals(handlingTotals([]))).toBe("none");
  });
});

describe("the minimum marking beside the Marking control", () => {
  it("says how many included facts set it", () => {
    expect(minimumMarking([fact("internal", "OFFICIAL-SENSITIVE"), fact("releasable", "OFFICIAL")])).toEqual({
      minimum: "OFFICIAL-SENSITIVE",
      reason: "At least OFFICIAL-SENSITIVE: 1 included fact is marked so.",
    });
    expect(
      minimumMarking([fact("internal", "SECRET"), fact("not-for-disclosure", "SECRET"), fact("internal", "OFFICIAL")])
        .reason,
    ).toBe("At least SECRET: 2 included facts are marked so.");
  });

  it("is OFFICIAL with no fact above it, or no fact at all", () => {
    expect(minimumMarking([fact("releasable", "OFFICIAL")]).reason).toBe(
      "At least OFFICIAL: no included fact is marked higher.",
    );
    expect(minimumMarking([]).minimum).toBe("OFFICIAL");
  });
});

describe("the marking a composer save sends", () => {
  const item = (marking: Marking, included: boolean, retired = false): ComposerItem => ({
    factId: `f-${marking}-${included}-${retired}`,
    included,
    note: "",
    text: "",
    date: "",
    dated: false,
    meeting: null,
    source: "",
    retired,
    handling: "internal",
    marking,
  });
  const state = (marking: Marking, items: ComposerItem[]) => ({
    marking,
    sections: [{ topicId: "t", title: "T", items }],
  });

  it("is the chosen one, raised to the included facts' highest when below it", () => {
    expect(savedMarking(state("OFFICIAL", [item("OFFICIAL", true)]))).toBe("OFFICIAL");
    expect(savedMarking(state("OFFICIAL", [item("OFFICIAL-SENSITIVE", true)]))).toBe("OFFICIAL-SENSITIVE");
    expect(savedMarking(state("SECRET", [item("OFFICIAL-SENSITIVE", true)]))).toBe("SECRET");
  });

  it("ignores excluded and retired facts, which do not print", () => {
    expect(savedMarking(state("OFFICIAL", [item("SECRET", false), item("SECRET", true, true)]))).toBe("OFFICIAL");
  });
});

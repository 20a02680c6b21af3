import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { partInput, type PartInput } from "@/lib/pdf/parts/part-input";
import { planParts } from "@/lib/pdf/parts/plan";
import { renderParts } from "@/lib/pdf/parts/render-parts";
import { makeBriefingDoc } from "../helpers/briefing-doc";

// A collection on demand: what a render left reachable is still there after it.
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

describe("rendering parts one after another in a thread", () => {
  it("lets go of each part's React tree once its bytes are out", async () => {
    const doc = makeBriefingDoc({ scale: 0.8 });
    const plans = planParts(doc);
    // Warm: the first render loads the fonts (file reads, so the event loop turns anyway).
    await renderParts([partInput(doc, plans[2])]);

    const body = partInput(doc, plans[2]);
    if (body.kind !== "body") throw new Error("expected a body part");
    // A fresh copy of the section's outline entry: only this part's element tree holds it.
    let input: PartInput | null = {
      ...body,
      slices: body.slices.map((slice) => ({ ...slice, entry: { ...slice.entry } })),
    };
    const entry = new WeakRef(input.slices[0].entry);
    // No turn of the event loop from here to the check, other than what rendering itself takes.
    const [bytes] = await renderParts([input, partInput(doc, plans[3])]);
    input = null;
    collect();

    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(entry.deref()).toBeUndefined();
  }, 30_000);
});

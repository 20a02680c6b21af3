import { describe, expect, it } from "vitest";
import type { PartInput } from "@/lib/pdf/parts/part-input";
import { MAX_PARTS, planParts } from "@/lib/pdf/parts/plan";
import { renderWithTasks, type PdfTasks } from "@/lib/pdf/pipeline";
import { inThreadTasks } from "@/lib/pdf/render";
import { makeBriefingDoc } from "../helpers/briefing-doc";

/**
 * The in-thread tasks, recording which parts (by position in the list) each render task
 * rendered, and letting a test hold the second task back until the first is done.
 */
function recording({ secondStartsLate }: { secondStartsLate: boolean }) {
  const rendered: number[][] = [];
  let first: Promise<unknown> = Promise.resolve();
  const tasks: PdfTasks = {
    ...inThreadTasks,
    parts: async (inputs: PartInput[], claims?: Int32Array) => {
      const task = rendered.push([]) - 1;
      if (task > 0 && secondStartsLate) await first;
      const run = inThreadTasks.parts(inputs, claims);
      if (task === 0) first = run;
      const parts = await run;
      parts.forEach((part, at) => part && rendered[task].push(at));
      return parts;
    },
  };
  return { tasks, rendered };
}

describe("the render tasks of one briefing", () => {
  const doc = makeBriefingDoc({ scale: 9, sourceCount: 40 });
  const partCount = planParts(doc).length;

  it("share its parts: each renders the next one nobody took, every part once, and the PDF is the same", async () => {
    const together = recording({ secondStartsLate: false });
    const pdf = await renderWithTasks(doc, together.tasks);
    expect(together.rendered).toHaveLength(MAX_PARTS);
    const all = together.rendered.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: partCount }, (_, i) => i));
    // Both took a share: in one thread they take turns at every part.
    for (const share of together.rendered) expect(share.length).toBeGreaterThan(0);

    // A task that starts once the other has rendered everything finds nothing left to do.
    const late = recording({ secondStartsLate: true });
    const again = await renderWithTasks(doc, late.tasks);
    expect(late.rendered.map((share) => share.length)).toEqual([partCount, 0]);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  }, 120_000);

  it("hands out the heaviest parts first, so the last to be taken are short", async () => {
    const late = recording({ secondStartsLate: true });
    const order: string[] = [];
    const tasks: PdfTasks = {
      ...late.tasks,
      parts: (inputs, claims) => {
        if (order.length === 0) order.push(...inputs.map((input) => input.kind));
        return late.tasks.parts(inputs, claims);
      },
    };
    await renderWithTasks(doc, tasks);
    // The cover, a page of its own, is the lightest part: handed out last.
    expect(order.at(-1)).toBe("cover");
  }, 120_000);
});

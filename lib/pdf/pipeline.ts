import type { BriefingDocument } from "../briefing/document";
import { partKey, type PartCache } from "./part-cache";
import { partInput, type PartInput } from "./parts/part-input";
import { partWeights, planParts, renderOrder, renderTaskCount, type PartPlan } from "./parts/plan";

/**
 * The briefing PDF pipeline. The document is cut into parts (parts/plan.ts) that render as
 * separate documents from their render input alone (parts/part-input.ts), in parallel when a
 * pool runs the tasks; parts the part cache holds are not rendered at all. The assembly merges
 * them with pdf-lib, stamps the running chrome, the contents' page numbers and "Page X of Y",
 * and writes the bookmarks. The output depends on the document only, never on which thread or
 * machine rendered it nor on what was cached. No renderer is imported here, so the pool's
 * thread can drive the pipeline without loading react-pdf.
 */
export interface PdfTasks {
  /**
   * Renders these parts, one after another; with `claims`, only those this task claims first
   * (null for the others), the tasks of one briefing sharing the list (parts/render-parts.ts).
   */
  parts(inputs: PartInput[], claims?: Int32Array): Promise<(Uint8Array | null)[]>;
  /** `keys`: the parts' cache keys (none without a cache), so the assembly may reuse its parse of a part. */
  assemble(doc: BriefingDocument, plans: PartPlan[], parts: Uint8Array[], keys: string[] | null): Promise<Uint8Array>;
  /** What a part's bytes depend on besides its input, where the parts render: the active library patches. */
  rendererState(): string;
}

export interface PipelineOptions {
  /** Rendered parts to reuse and to fill; none: every part is rendered. */
  cache?: PartCache | null;
}

/**
 * Renders the parts not cached, then assembles them. A heavy briefing's parts go to as many
 * tasks as it was admitted for (at most MAX_PARTS, renderTaskCount), which share one list,
 * heaviest first: each thread takes the next part when it is free, so both finish together
 * however far the weights are off (they were ~10 % apart with the parts dealt out beforehand).
 */
export async function renderWithTasks(
  doc: BriefingDocument,
  tasks: PdfTasks,
  { cache = null }: PipelineOptions = {},
): Promise<Uint8Array> {
  const plans = planParts(doc);
  const inputs = plans.map((plan) => partInput(doc, plan));
  const state = cache ? tasks.rendererState() : "";
  const keys = cache ? inputs.map((input) => partKey(input, state)) : null;
  const cached = keys ? keys.map((key) => cache!.get(key)) : inputs.map(() => undefined);
  const missing = inputs.flatMap((_, index) => (cached[index] === undefined ? [index] : []));
  const parts = cached.map((part) => (part === undefined ? null : Promise.resolve(part)));
  const weights = partWeights(doc, plans);
  const order = renderOrder({ weights, missing });
  const taskCount = renderTaskCount({ weights, missing });
  const claims = taskCount > 1 ? new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) : undefined;
  const list = order.map((index) => inputs[index]);
  const runs = Array.from({ length: taskCount }, () => tasks.parts(list, claims));
  const rendered = Promise.all(runs).then((results) =>
    order.map((index, at) => {
      const bytes = results.map((result) => result[at]).find((part) => part != null);
      if (!bytes) throw new Error(`Part ${index + 1} was claimed by no render task`);
      return bytes;
    }),
  );
  order.forEach((index, at) => {
    const part = rendered.then((bytes) => bytes[at]);
    parts[index] = part;
    if (keys) cache!.rendering(keys[index], part);
  });
  const ready = parts.map((part) => part ?? Promise.reject(new Error("A part was neither cached nor rendered")));
  return tasks.assemble(doc, plans, await Promise.all(ready), keys);
}

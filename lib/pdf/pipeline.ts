import type { BriefingDocument } from "../briefing/document";
import { partKey, type PartCache } from "./part-cache";
import { partInput, type PartInput } from "./parts/part-input";
import { batchMissingParts, planParts, type PartPlan } from "./parts/plan";

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
  /** Renders these parts (one task: the parts go one after another). */
  parts(inputs: PartInput[]): Promise<Uint8Array[]>;
  /** `keys`: the parts' cache keys (none without a cache), so the assembly may reuse its parse of a part. */
  assemble(doc: BriefingDocument, plans: PartPlan[], parts: Uint8Array[], keys: string[] | null): Promise<Uint8Array>;
  /** What a part's bytes depend on besides its input, where the parts render: the active library patches. */
  rendererState(): string;
}

export interface PipelineOptions {
  /** Rendered parts to reuse and to fill; none: every part is rendered. */
  cache?: PartCache | null;
}

/** Renders the parts not cached (spread over at most MAX_PARTS tasks at once), then assembles them. */
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
  const batches = batchMissingParts(doc, plans, missing);
  for (const batch of batches) {
    const rendered = tasks.parts(batch.map((index) => inputs[index]));
    batch.forEach((index, at) => {
      const part = rendered.then((bytes) => bytes[at]);
      parts[index] = part;
      if (keys) cache!.rendering(keys[index], part);
    });
  }
  const ready = parts.map((part) => part ?? Promise.reject(new Error("A part was neither cached nor rendered")));
  return tasks.assemble(doc, plans, await Promise.all(ready), keys);
}

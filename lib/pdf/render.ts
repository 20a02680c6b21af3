import type { BriefingDocument } from "../briefing/document";
import { assembleBriefing } from "./assembly/assemble";
import { MAX_PARTS, planParts, type PartPlan } from "./parts/plan";
import { renderPart } from "./parts/render-parts";

/**
 * The briefing PDF pipeline. The body is cut into parts (parts/plan.ts) that render as
 * separate documents, in parallel when a pool runs the tasks (the first also carries the cover
 * and contents); the assembly merges them with pdf-lib, stamps the contents' page numbers and
 * "Page X of Y", and writes the bookmarks. The output depends on the document only, never on
 * which thread or machine rendered it.
 */
export interface PdfTasks {
  part(doc: BriefingDocument, plan: PartPlan): Promise<Uint8Array>;
  assemble(doc: BriefingDocument, plans: PartPlan[], parts: Uint8Array[]): Promise<Uint8Array>;
}

/** Every step in the calling thread, one after another. */
export const inThreadTasks: PdfTasks = {
  part: renderPart,
  assemble: assembleBriefing,
};

export async function renderWithTasks(doc: BriefingDocument, tasks: PdfTasks): Promise<Uint8Array> {
  const plans = planParts(doc, MAX_PARTS);
  const parts = await Promise.all(plans.map((plan) => tasks.part(doc, plan)));
  return tasks.assemble(doc, plans, parts);
}

/** Renders a briefing to PDF bytes in this thread (the CLI, tests; the server uses the pool). */
export async function renderBriefingPdf(doc: BriefingDocument): Promise<Buffer> {
  const bytes = await renderWithTasks(doc, inThreadTasks);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

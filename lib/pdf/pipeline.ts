import type { BriefingDocument } from "../briefing/document";
import { MAX_PARTS, planParts, type PartPlan } from "./parts/plan";

/**
 * The briefing PDF pipeline. The body is cut into parts (parts/plan.ts) that render as
 * separate documents, in parallel when a pool runs the tasks (the first also carries the cover
 * and contents); the assembly merges them with pdf-lib, stamps the contents' page numbers and
 * "Page X of Y", and writes the bookmarks. The output depends on the document only, never on
 * which thread or machine rendered it. No renderer is imported here, so the pool's thread can
 * drive the pipeline without loading react-pdf.
 */
export interface PdfTasks {
  part(doc: BriefingDocument, plan: PartPlan): Promise<Uint8Array>;
  assemble(doc: BriefingDocument, plans: PartPlan[], parts: Uint8Array[]): Promise<Uint8Array>;
}

/** Renders the parts (all at once: the tasks decide where) and then assembles them. */
export async function renderWithTasks(
  doc: BriefingDocument,
  tasks: PdfTasks,
  plans = planParts(doc, MAX_PARTS),
): Promise<Uint8Array> {
  const parts = await Promise.all(plans.map((plan) => tasks.part(doc, plan)));
  return tasks.assemble(doc, plans, parts);
}

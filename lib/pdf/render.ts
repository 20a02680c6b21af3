import type { BriefingDocument } from "../briefing/document";
import { assembleBriefing } from "./assembly/assemble";
import { renderPart } from "./parts/render-parts";
import { renderWithTasks, type PdfTasks } from "./pipeline";

/** Every step of the pipeline (pipeline.ts) in the calling thread, one after another. */
export const inThreadTasks: PdfTasks = {
  part: renderPart,
  assemble: assembleBriefing,
};

/** Renders a briefing to PDF bytes in this thread (the CLI, tests; the server uses the pool). */
export async function renderBriefingPdf(doc: BriefingDocument): Promise<Buffer> {
  const bytes = await renderWithTasks(doc, inThreadTasks);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

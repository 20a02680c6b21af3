import type { BriefingDocument } from "../briefing/document";
import { assembleBriefing } from "./assembly/assemble";
import { registerPdfFonts } from "./fonts";
import { activeLibraryPatches } from "./library-patches";
import type { PartCache } from "./part-cache";
import { renderParts } from "./parts/render-parts";
import { renderWithTasks, type PdfTasks } from "./pipeline";

/** Every step of the pipeline (pipeline.ts) in the calling thread, one after another. */
export const inThreadTasks: PdfTasks = {
  parts: renderParts,
  assemble: assembleBriefing,
  rendererState: () => {
    registerPdfFonts();
    return activeLibraryPatches().join(",");
  },
};

/** Renders a briefing to PDF bytes in this thread (the CLI, tests; the server uses the pool), reusing `cache`'s parts. */
export async function renderBriefingPdf(
  doc: BriefingDocument,
  options: { cache?: PartCache | null } = {},
): Promise<Buffer> {
  const bytes = await renderWithTasks(doc, inThreadTasks, options);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

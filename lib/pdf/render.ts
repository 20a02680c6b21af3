import { renderToBuffer } from "@react-pdf/renderer";
import { documentOutline, type BriefingDocument } from "../briefing/document";
import { BriefingPdf } from "./briefing-pdf";
import { registerPdfFonts } from "./fonts";
import { PageTracker } from "./page-tracker";

async function renderOnce(doc: BriefingDocument, tracker: PageTracker): Promise<Buffer> {
  // Called as a function, not createElement: renderToBuffer wants the <Document> element itself.
  return renderToBuffer(BriefingPdf({ doc, tracker }));
}

/**
 * Renders a briefing to PDF bytes in this thread. The contents learns section pages during
 * pagination; if what it printed differs from where the headings finally landed (it should
 * not), the document is rendered again with those pages pinned, so the contents is never wrong.
 */
export async function renderBriefingPdf(doc: BriefingDocument): Promise<Buffer> {
  registerPdfFonts();
  const ids = documentOutline(doc).map((entry) => entry.id);
  const tracker = new PageTracker();
  const pdf = await renderOnce(doc, tracker);
  if (tracker.agrees(ids)) return pdf;

  const pinned = new PageTracker(new Map(tracker.landed));
  const second = await renderOnce(doc, pinned);
  if (!pinned.agrees(ids)) throw new Error("The contents page numbers did not settle after a second pass");
  return second;
}

import { renderToBuffer } from "@react-pdf/renderer";
import type { BriefingDocument } from "../../briefing/document";
import { registerPdfFonts } from "../fonts";
import { PartPdf } from "./part-pdf";
import type { PartPlan } from "./plan";

/** Renders one part of the briefing to PDF bytes in this thread. */
export async function renderPart(doc: BriefingDocument, part: PartPlan): Promise<Uint8Array> {
  registerPdfFonts();
  // Called as a function, not createElement: renderToBuffer wants the <Document> element itself.
  return renderToBuffer(PartPdf({ doc, part }));
}

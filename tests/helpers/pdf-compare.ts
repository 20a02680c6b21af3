import type { BriefingDocument } from "@/lib/briefing/document";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { allPageTexts, allPageWordBoxes, pdfFonts, writeTempPdf } from "./pdf-tools";

/** A rendered briefing as the comparisons read it: its bytes, each page's text and word boxes, its fonts. */
export interface Rendered {
  pdf: Buffer;
  pages: string[];
  boxes: string[];
  fonts: string[];
}

export async function renderForComparison(doc: BriefingDocument): Promise<Rendered> {
  const pdf = await renderBriefingPdf(doc);
  const { file, remove } = writeTempPdf(pdf);
  try {
    const fontRows = pdfFonts(file).map((f) => `${f.name} ${f.type} ${f.embedded ? "embedded" : "not embedded"}`);
    return { pdf, pages: allPageTexts(file), boxes: allPageWordBoxes(file), fonts: fontRows };
  } finally {
    remove();
  }
}

/** Where two renders differ, most telling first; empty when they are the same file. */
export function differences(a: Rendered, b: Rendered): string[] {
  const found: string[] = [];
  if (a.pages.length !== b.pages.length) found.push(`${a.pages.length} pages against ${b.pages.length}`);
  const text = a.pages.findIndex((page, i) => page !== b.pages[i]);
  if (text >= 0) found.push(`text differs from page ${text + 1}`);
  const boxes = a.boxes.findIndex((page, i) => page !== b.boxes[i]);
  if (boxes >= 0) found.push(`words sit elsewhere from page ${boxes + 1}`);
  if (a.fonts.join("\n") !== b.fonts.join("\n")) found.push(`fonts differ: ${a.fonts} against ${b.fonts}`);
  if (!a.pdf.equals(b.pdf)) found.push(`bytes differ (${a.pdf.length} against ${b.pdf.length})`);
  return found;
}

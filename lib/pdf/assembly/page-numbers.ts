import { rgb, type PDFDocument, type PDFFont } from "pdf-lib";
import { CONTENTS_NUMBER_SIZE } from "../sections/contents";
import { pageGeometry as g, theme } from "../theme";

// Baselines for DejaVu Sans in react-pdf's line boxes, matched against the text react-pdf
// sets beside them (checked in tests/unit/pdf-render.test.ts): the footer's second line is a
// 10 pt line whose bottom sits chromeInset above the page edge; a contents row is a 14 pt
// line below 4 pt of padding, its bookmark giving the row's top.
const FOOTER_BASELINE = g.chromeInset + 2.8;
const CONTENTS_BASELINE_BELOW_TOP = 13.75;

/** A theme colour ("#rrggbb") as pdf-lib's rgb, so stamped text matches what react-pdf sets. */
const channel = (hex: string, at: number) => parseInt(hex.slice(at, at + 2), 16) / 255;
const fromHex = (hex: string) => rgb(channel(hex, 1), channel(hex, 3), channel(hex, 5));
const MUTED = fromHex(theme.muted);
const INK = fromHex(theme.ink);

function drawRightAligned(pdf: PDFDocument, pageIndex: number, text: string, y: number, size: number, font: PDFFont, color: ReturnType<typeof rgb>) {
  const page = pdf.getPage(pageIndex);
  const x = page.getWidth() - g.marginX - font.widthOfTextAtSize(text, size);
  page.drawText(text, { x, y, size, font, color });
}

/** "Page X of Y" at the right of every page's footer, once the merged document knows Y. */
export function stampPageNumbers(pdf: PDFDocument, font: PDFFont): void {
  const count = pdf.getPageCount();
  for (let i = 0; i < count; i++) drawRightAligned(pdf, i, `Page ${i + 1} of ${count}`, FOOTER_BASELINE, g.footerSize, font, MUTED);
}

export interface ContentsNumber {
  /** 0-based page of the contents row and the row's top (PDF units from the bottom). */
  pageIndex: number;
  top: number;
  page: number;
}

/** The page numbers of the contents, in the blank cells its rows left for them. */
export function stampContentsNumbers(pdf: PDFDocument, font: PDFFont, numbers: ContentsNumber[]): void {
  for (const n of numbers) drawRightAligned(pdf, n.pageIndex, String(n.page), n.top - CONTENTS_BASELINE_BELOW_TOP, CONTENTS_NUMBER_SIZE, font, INK);
}

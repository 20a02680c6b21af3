import {
  degrees,
  drawText,
  PDFContentStream,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFDocument,
  type PDFFont,
} from "pdf-lib";
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

/** One stamped line: right-aligned at the content's right edge, its baseline at `y`. */
interface Stamp {
  pageIndex: number;
  text: string;
  y: number;
  size: number;
  color: ReturnType<typeof rgb>;
}

/**
 * Writes the stamps as one small content stream per page, uncompressed: pdf-lib's drawText
 * deflates a stream for every call in JavaScript, which was a quarter of the assembly's time
 * for a few dozen bytes a page.
 */
function writeStamps(pdf: PDFDocument, font: PDFFont, stamps: Stamp[]): void {
  const byPage = new Map<number, Stamp[]>();
  for (const stamp of stamps) byPage.set(stamp.pageIndex, [...(byPage.get(stamp.pageIndex) ?? []), stamp]);
  for (const [pageIndex, onPage] of byPage) {
    const page = pdf.getPage(pageIndex);
    const fontKey = page.node.newFontDictionary(font.name, font.ref);
    const right = page.getWidth() - g.marginX;
    const operators = [pushGraphicsState()];
    for (const { text, y, size, color } of onPage) {
      operators.push(
        ...drawText(font.encodeText(text), {
          color,
          font: fontKey,
          size,
          x: right - font.widthOfTextAtSize(text, size),
          y,
          rotate: degrees(0),
          xSkew: degrees(0),
          ySkew: degrees(0),
        }),
      );
    }
    operators.push(popGraphicsState());
    page.node.addContentStream(pdf.context.register(PDFContentStream.of(pdf.context.obj({}), operators, false)));
  }
}

/** "Page X of Y" at the right of every page's footer, once the merged document knows Y. */
function pageNumberStamps(pdf: PDFDocument): Stamp[] {
  const count = pdf.getPageCount();
  return Array.from({ length: count }, (_, i) => ({
    pageIndex: i,
    text: `Page ${i + 1} of ${count}`,
    y: FOOTER_BASELINE,
    size: g.footerSize,
    color: MUTED,
  }));
}

export interface ContentsNumber {
  /** 0-based page of the contents row and the row's top (PDF units from the bottom). */
  pageIndex: number;
  top: number;
  page: number;
}

/** The page numbers of the contents, in the blank cells its rows left for them. */
function contentsNumberStamps(numbers: ContentsNumber[]): Stamp[] {
  return numbers.map((n) => ({
    pageIndex: n.pageIndex,
    text: String(n.page),
    y: n.top - CONTENTS_BASELINE_BELOW_TOP,
    size: CONTENTS_NUMBER_SIZE,
    color: INK,
  }));
}

/** Stamps the contents' page numbers and "Page X of Y" onto the merged document. */
export function stampNumbers(pdf: PDFDocument, font: PDFFont, contents: ContentsNumber[]): void {
  writeStamps(pdf, font, [...contentsNumberStamps(contents), ...pageNumberStamps(pdf)]);
}

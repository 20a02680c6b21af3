import {
  degrees,
  drawText,
  PDFArray,
  PDFContentStream,
  PDFName,
  PDFNumber,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setCharacterSpacing,
  setGraphicsState,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
} from "pdf-lib";
import { markingLine, type BriefingDocument } from "../../briefing/document";
import { pageGeometry as g, theme } from "../theme";

// Where react-pdf set the running chrome when the parts still printed it (page-chrome.tsx
// before the part cache), read off its content streams: baselines in PDF units from the page
// bottom, the watermark's origin after its -45° rotation about its box's centre. The header's
// marking is a 12 pt line whose text top sits at the header's top, the title the 10 pt line
// under it; the footer mirrors that from the bottom. tests/unit/pdf-part-cache.test.ts checks
// the stamped words land where react-pdf's did.
const HEADER_MARKING_BASELINE = g.height - (g.chromeInset + 8.354);
const HEADER_TITLE_BASELINE = g.height - (g.chromeInset + 11.727273 + 6.96167);
const FOOTER_MARKING_BASELINE = g.chromeInset + 12 + 1.146;
const FOOTER_TEXT_BASELINE = g.chromeInset + 2.811;
const MARKING_SIZE = 9;
const MARKING_LETTER_SPACING = 1;
const WATERMARK = { x: 150.005, y: 246.697, size: 110, angle: 45, opacity: 0.45, color: "#d9d9d9" } as const;

const channel = (hex: string, at: number) => parseInt(hex.slice(at, at + 2), 16) / 255;
const fromHex = (hex: string) => rgb(channel(hex, 1), channel(hex, 3), channel(hex, 5));

export interface ChromeFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** `text` cut to fit `width` with an ellipsis, as react-pdf's maxLines 1 + textOverflow did. */
function fitted(font: PDFFont, text: string, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let end = text.length;
  while (end > 0 && font.widthOfTextAtSize(`${text.slice(0, end).trimEnd()}…`, size) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

// Resource names of the stamp's fonts and state: the same on every page, so one stream serves all.
const REGULAR = "ChanceryStamp";
const BOLD = "ChanceryStampBold";
const WATERMARK_STATE = "ChanceryWatermark";

function line(font: PDFFont, key: string, text: string, size: number, x: number, y: number, color: string) {
  return drawText(font.encodeText(text), {
    color: fromHex(color),
    font: key,
    size,
    x,
    y,
    rotate: degrees(0),
    xSkew: degrees(0),
    ySkew: degrees(0),
  });
}

/**
 * The marking, bold and letter-spaced, centred between the margins at baseline `y`. A marking
 * is never cut: one too wide for the line (the counterpart copy's, with a long country name)
 * is set smaller until it fits, where react-pdf wrapped it over the title.
 */
function marking(fonts: ChromeFonts, text: string, y: number): PDFOperator[] {
  const available = g.width - 2 * g.marginX;
  const spacing = MARKING_LETTER_SPACING * text.length;
  const natural = fonts.bold.widthOfTextAtSize(text, MARKING_SIZE);
  const size = natural + spacing <= available ? MARKING_SIZE : (MARKING_SIZE * (available - spacing)) / natural;
  const width = fonts.bold.widthOfTextAtSize(text, size) + spacing;
  const x = g.marginX + (available - width) / 2;
  return [
    pushGraphicsState(),
    setCharacterSpacing(MARKING_LETTER_SPACING),
    ...line(fonts.bold, BOLD, text, size, x, y, theme.accent),
    popGraphicsState(),
  ];
}

/**
 * Stamps the running chrome on every page of the merged briefing: a DRAFT watermark on drafts,
 * the marking line (markingLine: the counterpart copy's says whom it is releasable to) over the
 * header rule and the title under it, the marking line and the country in the footer ("Page X
 * of Y" comes with the page numbers). Each page gets its own stream *before*
 * the part's content, as react-pdf drew its fixed elements first: the watermark stays under
 * the text, and text extraction in content order reads as it did.
 */
export function stampChrome(pdf: PDFDocument, fonts: ChromeFonts, doc: BriefingDocument): void {
  const contentWidth = g.width - 2 * g.marginX;
  const title = fitted(fonts.regular, doc.title, g.footerSize, contentWidth);
  const titleX = g.marginX + (contentWidth - fonts.regular.widthOfTextAtSize(title, g.footerSize)) / 2;
  const markingText = markingLine(doc);
  const watermarkState = pdf.context.register(
    pdf.context.obj({ Type: "ExtGState", ca: PDFNumber.of(WATERMARK.opacity) }),
  );
  const operators: PDFOperator[] = [pushGraphicsState()];
  if (doc.status === "draft") {
    operators.push(
      pushGraphicsState(),
      setGraphicsState(WATERMARK_STATE),
      ...drawText(fonts.bold.encodeText("DRAFT"), {
        color: fromHex(WATERMARK.color),
        font: BOLD,
        size: WATERMARK.size,
        x: WATERMARK.x,
        y: WATERMARK.y,
        rotate: degrees(WATERMARK.angle),
        xSkew: degrees(0),
        ySkew: degrees(0),
      }),
      popGraphicsState(),
    );
  }
  operators.push(
    ...marking(fonts, markingText, HEADER_MARKING_BASELINE),
    ...line(fonts.regular, REGULAR, title, g.footerSize, titleX, HEADER_TITLE_BASELINE, theme.muted),
    ...marking(fonts, markingText, FOOTER_MARKING_BASELINE),
    ...line(fonts.regular, REGULAR, doc.country.name, g.footerSize, g.marginX, FOOTER_TEXT_BASELINE, theme.muted),
    popGraphicsState(),
  );
  // One stream shared by every page: the same bytes, written once.
  const stream = pdf.context.register(PDFContentStream.of(pdf.context.obj({}), operators, false));
  for (const page of pdf.getPages()) {
    const { Contents: contents, Font, ExtGState } = page.node.normalizedEntries();
    Font.set(PDFName.of(REGULAR), fonts.regular.ref);
    Font.set(PDFName.of(BOLD), fonts.bold.ref);
    ExtGState.set(PDFName.of(WATERMARK_STATE), watermarkState);
    if (!(contents instanceof PDFArray)) throw new Error("A page of the briefing has no content streams");
    contents.insert(0, stream);
  }
}

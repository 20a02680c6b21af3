import * as fontkit from "fontkit";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { citationLabel } from "@/lib/pdf/base-styles";
import {
  citationAddress,
  citationBlank,
  citationDigits,
  citationPieces,
  CITATION_SCHEME,
  parseCitationAddress,
  pieceText,
} from "@/lib/pdf/citation";
import { dejavuFontPath } from "@/lib/pdf/fonts";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { makeBriefingDoc } from "../helpers/briefing-doc";

// Measured with the font itself, not the widths citation.tsx assumes.
interface LaidOut {
  layout(text: string): { advanceWidth: number };
}
const font = (fontkit as unknown as { openSync(path: string): LaidOut }).openSync(dejavuFontPath("DejaVuSans.ttf"));
const width = (text: string) => font.layout(text).advanceWidth;

describe("citation blanks (stamped at assembly)", () => {
  it("cut a label into one piece per number, which joined with spaces read as the label", () => {
    for (const numbers of [[3], [3, 7], [1, 12, 140]]) {
      expect(citationPieces(numbers).map(pieceText).join(" ")).toBe(citationLabel(numbers));
    }
  });

  it("leave room for the widest piece each number could print, and at most a no-break space more", () => {
    for (const sources of [1, 9, 12, 99, 100, 999, 1000]) {
      const digits = citationDigits(sources);
      for (const piece of citationPieces([sources, sources, sources])) {
        const blank = citationBlank(piece, digits);
        expect(width(blank), pieceText(piece)).toBeGreaterThanOrEqual(width(pieceText(piece)));
        const widest = pieceText({ ...piece, number: Number("9".repeat(digits)) });
        expect(width(blank) - width(widest), pieceText(piece)).toBeLessThan(width("\u00a0"));
      }
    }
  });

  it("name the part's own number in the link, and read back only their own links", () => {
    const piece = citationPieces([3, 1])[1];
    expect(parseCitationAddress(citationAddress(piece))).toEqual({ open: "", number: 1, close: "]" });
    expect(parseCitationAddress("https://example.org/press/1")).toBeNull();
  });

  it("leave none of their links in the final PDF, not even one no page points at", async () => {
    const pdf = await PDFDocument.load(await renderBriefingPdf(makeBriefingDoc({ scale: 2 })));
    const blanks = pdf.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object.toString().includes(CITATION_SCHEME));
    expect(blanks).toEqual([]);
    // The briefing does cite: the labels are drawn instead.
    expect(pdf.getPageCount()).toBeGreaterThan(2);
  }, 30_000);
});

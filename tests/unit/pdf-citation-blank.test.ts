import * as fontkit from "fontkit";
import zlib from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { citationLabel } from "@/lib/pdf/base-styles";
import {
  BLANK_RED,
  blankColour,
  citationBlank,
  citationDigits,
  citationPieces,
  MAX_BLANK_NUMBER,
  pieceOfBlank,
  pieceText,
} from "@/lib/pdf/citation";
import { theme } from "@/lib/pdf/theme";
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

  it("name the part's own number and brackets in their colour, whose red no text uses", () => {
    for (const numbers of [[3], [3, 1], [1, 12, MAX_BLANK_NUMBER]]) {
      for (const piece of citationPieces(numbers)) {
        const colour = blankColour(piece);
        expect(colour).toMatch(/^#[0-9a-f]{6}$/);
        expect(parseInt(colour.slice(1, 3), 16)).toBe(BLANK_RED);
        expect(pieceOfBlank(parseInt(colour.slice(3, 5), 16), parseInt(colour.slice(5, 7), 16))).toEqual(piece);
      }
    }
    for (const colour of Object.values(theme).filter((v) => String(v).startsWith("#"))) {
      expect(parseInt(String(colour).slice(1, 3), 16), String(colour)).not.toBe(BLANK_RED);
    }
    expect(pieceOfBlank(0, 3)).toBeNull();
    expect(() => blankColour({ open: "[", number: MAX_BLANK_NUMBER + 1, close: "]" })).toThrow(/citation number/);
    expect(() => blankColour({ open: "[", number: 0, close: "]" })).toThrow(/citation number/);
  });

  it("leave no blank in the final PDF: the labels are drawn in their place, in ink", async () => {
    const pdf = await PDFDocument.load(await renderBriefingPdf(makeBriefingDoc({ scale: 2 })));
    const red = String(BLANK_RED / 255);
    let labels = 0;
    for (const page of pdf.getPages()) {
      const contents = page.node.Contents();
      expect(contents).toBeInstanceOf(PDFArray);
      for (const ref of (contents as PDFArray).asArray()) {
        const stream = pdf.context.lookup(ref) as PDFRawStream;
        const filtered = stream.dict.get(PDFName.of("Filter")) === PDFName.of("FlateDecode");
        const text = Buffer.from(filtered ? zlib.inflateSync(stream.contents) : stream.contents).toString("latin1");
        expect(text).not.toMatch(new RegExp(`(?<![\\d.])${red.replace(".", "\\.")} [\\d.]+ [\\d.]+ scn`));
        labels += text.match(/\/ChanceryCitation [\d.]+ Tf\n<[0-9A-F]+> Tj/g)?.length ?? 0;
      }
    }
    // The briefing does cite: the labels are drawn instead.
    expect(labels).toBeGreaterThan(10);
  }, 30_000);
});

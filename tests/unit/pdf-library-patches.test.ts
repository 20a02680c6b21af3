import fs from "node:fs";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { dejavuFontPath } from "@/lib/pdf/fonts";
import { installRenderTuning } from "@/lib/pdf/library-patches";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { pdfkitFontReuses } from "@/lib/pdf/library-patches/pdfkit-font-reuse";
import { shapeUncached, shapingCacheHits } from "@/lib/pdf/library-patches/fontkit-layout-word-cache";
import { makeBriefingDoc, SCRIPT_PROBE, UNICODE_PROBE } from "../helpers/briefing-doc";

interface Shaped {
  glyphs: { id: number }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}

installRenderTuning(dejavuFontPath("DejaVuSans.ttf"));
type ShapingFont = object & {
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: string): Shaped;
};
const fonts = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"].map(
  (file) => fontkit.create(fs.readFileSync(dejavuFontPath(file))) as ShapingFont,
);
/** Shaped the way react-pdf's textkit asks: direction forced to 'ltr', nothing else. */
const shapeAsTextkit = (font: ShapingFont, text: string) => font.layout(text, undefined, undefined, undefined, "ltr");

const CORPUS = [
  UNICODE_PROBE,
  SCRIPT_PROBE,
  "The two sides agreed to deepen cooperation on sustainable raw materials, batteries and renewable hydrogen.",
  "Касым-Жомарт Токаев провёл переговоры с Председателем Европейского совета в Астане.",
  "office  affluent — “fi” ligatures, double  spaces,\ttabs and a trailing space ",
  "AV Ta We Yo: kerning pairs inside words",
  "2024: Astana — Астана «Kazakhstan» ‘AV’ “Yo”",
  "Встреча в Брюсселе: “AV Ta” «Kazakhstan»",
  // U+FB01 is the glyph DejaVu's "fi" ligature also produces; fontkit shares one Glyph per id.
  "profit fine \uFB01nance margin office",
  "\uFB01nance x profit margin",
  "warning \u26A0\uFE0F x \u26A0 y",
  "שלום עולם and مرحبا بالعالم",
  "",
];

describe("word shaping cache", () => {
  it("shapes every text to the glyphs fontkit gives, with the same advances", () => {
    for (const font of fonts) {
      // Twice, in both orders: what one text leaves in the cache must not change another's.
      for (const text of [...CORPUS, ...[...CORPUS].reverse()]) {
        const cached = shapeAsTextkit(font, text);
        const direct = shapeUncached(font, text) as Shaped;
        expect(
          cached.glyphs.map((g) => g.id),
          text,
        ).toEqual(direct.glyphs.map((g) => g.id));
        // Exactly: kerning across spaces and script-dependent kerning included.
        const advances = (run: Shaped) => run.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]);
        expect(advances(cached), text).toEqual(advances(direct));
        expect(cached.advanceWidth, text).toBe(direct.advanceWidth);
      }
    }
  });

  it("hands out fresh positions each time, since pdfkit and textkit scale them in place", () => {
    const [font] = fonts;
    const first = shapeAsTextkit(font, "Astana Astana");
    first.positions[0].xAdvance = -1;
    expect(shapeAsTextkit(font, "Astana Astana").positions[0].xAdvance).toBeGreaterThan(0);
  });

  it("leaves pdfkit's own text layout intact (it reads the run's advance width)", async () => {
    const pdf = new PDFDocument({ size: "A4", margin: 56, bufferPages: true });
    pdf.on("data", () => undefined);
    pdf.registerFont("body", dejavuFontPath("DejaVuSans.ttf"));
    pdf.font("body").fontSize(10);
    for (let i = 0; i < 40; i++) pdf.text(CORPUS[2], { lineGap: 3, paragraphGap: 5 });
    // 40 two-line paragraphs of 10 pt text fit on one A4 page and a bit: not one page each.
    expect(pdf.bufferedPageRange().count).toBe(2);
    pdf.end();
  });

  it("applies to the fontkit and pdfkit react-pdf itself renders with", async () => {
    const [shaped, reused] = [shapingCacheHits(), pdfkitFontReuses()];
    await renderBriefingPdf(makeBriefingDoc());
    expect(shapingCacheHits()).toBeGreaterThan(shaped);
    expect(pdfkitFontReuses()).toBeGreaterThan(reused);
  }, 30_000);
});

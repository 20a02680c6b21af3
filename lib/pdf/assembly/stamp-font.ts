import fs from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";
import { dejavuFontPath } from "../fonts";

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type FontkitFont = ReturnType<Fontkit["create"]>;

type StampWeight = "regular" | "bold";
const FILES: Record<StampWeight, string> = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };
const parsed = new Map<StampWeight, { bytes: Buffer; font: FontkitFont }>();

/**
 * pdf-lib parses the whole TTF on every embedFont; parsing DejaVu once per thread and handing
 * pdf-lib the parsed font saved ~12 ms per PDF. Subsets are built per document from it.
 */
const cachingFontkit: Fontkit = {
  create(bytes, postscriptName) {
    for (const font of parsed.values()) if (font.bytes === bytes) return font.font;
    return fontkit.create(bytes, postscriptName);
  },
};

/**
 * pdf-lib lays each stamped string out twice (for its width, then to encode it), and the
 * same few hundred strings ("12", "Page 3 of 23") come back in every PDF; fontkit's layout
 * was a fifth of the assembly. Remembered per thread, bounded; pdf-lib only reads the result.
 */
function withRememberedLayouts(font: FontkitFont): FontkitFont {
  const original = font.layout.bind(font);
  const layouts = new Map<string, ReturnType<FontkitFont["layout"]>>();
  font.layout = (text, features) => {
    if (features !== undefined) return original(text, features);
    let run = layouts.get(text);
    if (!run) {
      if (layouts.size >= 10_000) layouts.clear();
      run = original(text);
      layouts.set(text, run);
    }
    return run;
  };
  return font;
}

/** DejaVu Sans (or its bold), embedded as a subset, for what the assembly stamps. */
export async function embedStampFont(pdf: PDFDocument, weight: StampWeight = "regular"): Promise<PDFFont> {
  let font = parsed.get(weight);
  if (!font) {
    const bytes = fs.readFileSync(dejavuFontPath(FILES[weight]));
    font = { bytes, font: withRememberedLayouts(fontkit.create(bytes)) };
    parsed.set(weight, font);
  }
  pdf.registerFontkit(cachingFontkit);
  return pdf.embedFont(font.bytes, { subset: true });
}

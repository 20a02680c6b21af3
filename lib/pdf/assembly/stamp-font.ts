import fs from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";
import { dejavuFontPath } from "../fonts";

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type FontkitFont = ReturnType<Fontkit["create"]>;

let parsed: { bytes: Buffer; font: FontkitFont } | null = null;

/**
 * pdf-lib parses the whole TTF on every embedFont; parsing DejaVu once per thread and handing
 * pdf-lib the parsed font saved ~12 ms per PDF. Subsets are built per document from it.
 */
const cachingFontkit: Fontkit = {
  create(bytes, postscriptName) {
    if (parsed && parsed.bytes === bytes) return parsed.font;
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

/** DejaVu Sans, embedded as a subset, for the numbers the assembly stamps. */
export async function embedStampFont(pdf: PDFDocument): Promise<PDFFont> {
  if (!parsed) {
    const bytes = fs.readFileSync(dejavuFontPath("DejaVuSans.ttf"));
    parsed = { bytes, font: withRememberedLayouts(fontkit.create(bytes)) };
  }
  pdf.registerFontkit(cachingFontkit);
  return pdf.embedFont(parsed.bytes, { subset: true });
}

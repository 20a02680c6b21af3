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

/** What remembering a subset needs of pdf-lib's subset embedder (not its public interface). */
interface SubsetEmbedder {
  subset: { glyphs: number[] };
  serializeFont(): Promise<Uint8Array>;
}

const isSubsetEmbedder = (value: unknown): value is SubsetEmbedder => {
  const embedder = value as Partial<SubsetEmbedder> | null;
  return (
    typeof embedder?.serializeFont === "function" &&
    Array.isArray(embedder.subset?.glyphs) &&
    embedder.subset.glyphs.every((id) => typeof id === "number")
  );
};

/** Encoded subsets by font and glyph list, per thread, bounded. */
const subsets = new Map<string, Uint8Array>();

/**
 * Encoding a subset of DejaVu (fontkit's TTF subsetter) was a quarter of the assembly, and a
 * briefing downloaded again after an edit stamps the same glyphs in the same order (title,
 * country, marking, numbers): the same subset bytes. They are remembered by the font and the
 * glyph list, which decide them. Where pdf-lib's embedder does not look as expected, nothing
 * is remembered and pdf-lib encodes as usual.
 */
function rememberSubset(font: PDFFont, weight: StampWeight): PDFFont {
  const embedder: unknown = (font as unknown as { embedder?: unknown }).embedder;
  if (!isSubsetEmbedder(embedder)) return font;
  const encode = embedder.serializeFont.bind(embedder);
  embedder.serializeFont = async () => {
    const key = `${weight}:${embedder.subset.glyphs.join(",")}`;
    let bytes = subsets.get(key);
    if (!bytes) {
      bytes = await encode();
      if (subsets.size >= 64) subsets.clear();
      subsets.set(key, bytes);
    }
    return bytes;
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
  return rememberSubset(await pdf.embedFont(font.bytes, { subset: true }), weight);
}

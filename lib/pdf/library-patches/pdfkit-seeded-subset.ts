import { originalMethod, propertyPatches, wrapMethod, type LibraryPatch } from "./library-patch";

/**
 * Patches fontkit's `TTFFont.prototype.createSubset` and pdfkit's `EmbeddedFont.prototype.embed`.
 *
 * pdfkit numbers a subset's glyphs in the order a document first draws them, so two parts
 * printing the same face embed different font files, and every part encodes its own. This
 * makes the subsets of the faces named in `seeds` canonical: each starts with the seed
 * characters' glyphs, in the seed's order, before anything is drawn. A part whose text needs
 * no other glyph of that face embeds the very same font file as every other such part, so
 * its encoding is remembered (fontkit-subset-memo.ts) and the assembly keeps one copy of it
 * (assembly/font-programs.ts). Seeded glyphs a part does not draw still get their widths and
 * Unicode values at embedding, as drawn ones do.
 *
 * Unlike the other patches, this one changes the PDF's bytes (not its pages, text or fonts):
 * with it off, subsets hold only the glyphs drawn. The part cache's key names the patches on.
 */

interface SubsetState {
  font: SeedableFont;
  glyphs: number[];
  includeGlyph(glyph: number): number;
}
interface SeedableFont {
  postscriptName: string;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  getGlyph(id: number): { advanceWidth: number };
}
interface EmbeddedFontState {
  font: SeedableFont;
  subset: SubsetState;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  scale: number;
}
/** A class whose prototype this patch changes, as a prototype. */
type Proto = Record<string | symbol, unknown>;

let seeded = 0;

/** A face's seed, glyph by glyph: glyph id → the code point it was seeded for. */
type Seed = Map<number, number>;

function seeding(seeds: ReadonlyMap<string, string>) {
  const byFont = new WeakMap<object, Seed | null>();
  return (font: SeedableFont): Seed | null => {
    let seed = byFont.get(font);
    if (seed === undefined) {
      const text = seeds.get(font.postscriptName);
      seed = null;
      if (text !== undefined) {
        seed = new Map();
        for (const character of text) {
          const codePoint = character.codePointAt(0) as number;
          const glyph = font.glyphForCodePoint(codePoint);
          // A character the face lacks seeds nothing (pdfkit would draw the missing glyph, 0).
          if (glyph.id !== 0 && !seed.has(glyph.id)) seed.set(glyph.id, codePoint);
        }
      }
      byFont.set(font, seed);
    }
    return seed;
  };
}

/**
 * What the patch relies on, tried on samples: a new subset of a font holds only the missing
 * glyph and takes glyphs through includeGlyph; pdfkit's embedded font has that subset, its
 * fontkit font, and the widths and Unicode lists by subset glyph id that embed() writes out.
 */
function check(fontProto: Proto, embedProto: Proto, sampleFont: object, sampleEmbedded: unknown): string | null {
  if (typeof fontProto.createSubset !== "function") return "fontkit's font has no createSubset()";
  if (typeof embedProto.embed !== "function") return "pdfkit's embedded font has no embed()";
  // The library's own createSubset, also once this patch is on (the tests check it then).
  const createSubset = originalMethod("pdfkit-seeded-subset", fontProto, "createSubset") as () => Partial<SubsetState>;
  const subset = createSubset.call(sampleFont);
  if (!Array.isArray(subset.glyphs) || subset.glyphs.length !== 1 || subset.glyphs[0] !== 0)
    return "a new subset no longer holds only the missing glyph";
  if (typeof subset.includeGlyph !== "function" || subset.includeGlyph(36) !== 1)
    return "includeGlyph() no longer numbers glyphs in the order they come";
  const font = sampleFont as Partial<SeedableFont>;
  if (typeof font.postscriptName !== "string" || typeof font.glyphForCodePoint !== "function")
    return "fontkit's font has no postscriptName or glyphForCodePoint()";
  const embedded = sampleEmbedded as Partial<EmbeddedFontState>;
  if (embedded.font !== sampleFont) return "pdfkit's embedded font no longer names its fontkit font in `font`";
  if (!Array.isArray(embedded.subset?.glyphs)) return "pdfkit's embedded font has no fontkit subset in `subset`";
  if (!Array.isArray(embedded.widths) || !Array.isArray(embedded.unicode))
    return "pdfkit's embedded font has no `widths` and `unicode` lists";
  if (typeof embedded.scale !== "number") return "pdfkit's embedded font has no numeric `scale`";
  return null;
}

/**
 * The patch on fontkit's font class (reached through `sampleFont`) and pdfkit's embedded font
 * class (reached through the one `embedSample` makes of `sampleFont`). `seeds`: each face's
 * PostScript name with the characters that begin its subsets.
 */
export function pdfkitSeededSubset(
  sampleFont: object,
  embedSample: () => object,
  seeds: ReadonlyMap<string, string>,
): LibraryPatch {
  const fontProto = Object.getPrototypeOf(sampleFont) as Proto;
  const embedProto = Object.getPrototypeOf(embedSample()) as Proto;
  const seedOf = seeding(seeds);
  return {
    name: "pdfkit-seeded-subset",
    check: () => check(fontProto, embedProto, sampleFont, embedSample()),
    ...propertyPatches("pdfkit-seeded-subset", [
      wrapMethod(
        fontProto,
        "createSubset",
        (createSubset: (this: SeedableFont) => SubsetState) =>
          function (this: SeedableFont) {
            const subset = createSubset.call(this);
            const seed = seedOf(this);
            if (seed) {
              seeded += 1;
              for (const glyph of seed.keys()) subset.includeGlyph(glyph);
            }
            return subset;
          },
      ),
      wrapMethod(
        embedProto,
        "embed",
        (embed: (this: EmbeddedFontState) => unknown) =>
          function (this: EmbeddedFontState) {
            const seed = seedOf(this.font);
            if (seed) {
              // The seeded glyphs the document did not draw: pdfkit only records drawn ones.
              this.subset.glyphs.forEach((glyph, id) => {
                const codePoint = seed.get(glyph);
                if (codePoint === undefined || this.widths[id] != null) return;
                this.widths[id] = this.font.getGlyph(glyph).advanceWidth * this.scale;
                this.unicode[id] ??= [codePoint];
              });
            }
            return embed.call(this);
          },
      ),
    ]),
    uses: () => seeded,
  };
}

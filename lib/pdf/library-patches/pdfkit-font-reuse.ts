import { propertyPatches, wrapMethod, type LibraryPatch } from "./library-patch";

/**
 * Patches pdfkit's `PDFDocument.prototype.font`.
 *
 * react-pdf calls pdfkit's `doc.font(fontkitFont, size)` before every run of text it draws,
 * passing the font object itself. pdfkit has no cache key for an object, so each call builds
 * a new EmbeddedFont and then finds the one it already has by comparing the fonts' name tables
 * through JSON.stringify — about 8 % of a render. This remembers, per document, the
 * EmbeddedFont each font object resolved to, which is the one pdfkit would have found, and
 * numbers the call as pdfkit does (`_fontCount`), so later fonts keep the same resource names
 * and the PDF stays the same byte for byte.
 */

interface FontState {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontSize: unknown;
  _fontCount: number;
  fontSize(size: number): unknown;
}
type FontFn = (this: FontState, src: unknown, family?: unknown, size?: unknown) => unknown;
/** The class pdfkit exports, as far as this patch uses it. */
export type PdfkitDocumentClass = { prototype: object } & (new (options?: { autoFirstPage?: boolean }) => object);

const resolved = new WeakMap<FontState, Map<object, unknown>>();
let reused = 0;

const isFontObject = (src: unknown): src is object =>
  typeof src === "object" && src !== null && typeof (src as { layout?: unknown }).layout === "function";

function reusingFont(original: FontFn): FontFn {
  return function font(this: FontState, src: unknown, family?: unknown, size?: unknown) {
    // Only the exact call shape react-pdf uses: (fontObject, size).
    if (!isFontObject(src) || typeof family !== "number" || size !== undefined)
      return original.call(this, src, family, size);
    let perDoc = resolved.get(this);
    if (!perDoc) resolved.set(this, (perDoc = new Map()));
    const known = perDoc.get(src);
    if (known === undefined) {
      const result = original.call(this, src, family);
      perDoc.set(src, this._font);
      return result;
    }
    reused += 1;
    this._fontCount += 1;
    this._fontSource = src;
    this._fontFamily = null;
    this.fontSize(family);
    this._font = known;
    return this;
  };
}

/**
 * What the patch relies on, tried on a throwaway document: font(src, family, size) and
 * fontSize(size) exist; a call with a font object and a size sets _fontSource, _fontFamily
 * (null), _fontSize and _font, and numbers a font in _fontCount; a second call with the same
 * object ends on the same _font (the one the patch hands out instead of looking again).
 */
function check(Doc: PdfkitDocumentClass, sampleFont: object): string | null {
  const proto = Doc.prototype as Record<string, unknown>;
  const font = proto.font;
  if (typeof font !== "function") return "PDFDocument.prototype.font is not a function";
  if (font.length !== 3) return `PDFDocument.prototype.font takes ${font.length} parameters, not 3 (src, family, size)`;
  if (typeof proto.fontSize !== "function") return "PDFDocument.prototype.fontSize is not a function";
  const doc = new Doc({ autoFirstPage: false }) as FontState & { font: FontFn };
  const count = doc._fontCount;
  if (typeof count !== "number") return "a PDFDocument has no numeric _fontCount";
  if (doc.font(sampleFont, 10) !== doc) return "font() does not return the document";
  const first = doc._font;
  if (typeof first !== "object" || first === null) return "font() does not set _font to an object";
  if (doc._fontSource !== sampleFont || doc._fontFamily !== null || doc._fontSize !== 10)
    return "font(fontObject, size) does not set _fontSource, _fontFamily and _fontSize as expected";
  if (doc._fontCount !== count + 1) return "font() does not number each font it opens in _fontCount";
  // Read afresh: the call below changes what the checks above narrowed.
  const again = doc.font(sampleFont, 12) as FontState;
  if (again._font !== first) return "font() no longer finds the embedded font it already has for the same font object";
  if (again._fontCount !== count + 2 || again._fontSize !== 12) return "a second font() call differs from the first";
  return null;
}

/** The patch on pdfkit's document class (a stand-in class in the tests). */
export function pdfkitFontReuse(Doc: PdfkitDocumentClass, sampleFont: object): LibraryPatch {
  return {
    name: "pdfkit-font-reuse",
    check: () => check(Doc, sampleFont),
    ...propertyPatches("pdfkit-font-reuse", [wrapMethod(Doc.prototype, "font", reusingFont)]),
    uses: () => reused,
  };
}

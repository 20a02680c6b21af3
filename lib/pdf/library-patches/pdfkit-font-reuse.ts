import PDFDocument from "pdfkit";

/**
 * react-pdf calls pdfkit's `doc.font(fontkitFont, size)` before every run of text it draws,
 * passing the font object itself. pdfkit has no cache key for an object, so each call builds
 * a new EmbeddedFont and then finds the one it already has by comparing the fonts' name tables
 * through JSON.stringify — about 8 % of a render. This remembers, per document, the
 * EmbeddedFont each font object resolved to, which is the one pdfkit would have found.
 */

interface FontState {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): unknown;
}
type FontFn = (this: FontState, src: unknown, family?: unknown, size?: unknown) => unknown;

const PATCHED = Symbol.for("chancery.pdfkitFontReuse");
const resolved = new WeakMap<FontState, Map<object, unknown>>();
let reused = 0;

/** Font lookups answered from the per-document map; tested to grow when react-pdf renders. */
export const pdfkitFontReuses = () => reused;

const isFontObject = (src: unknown): src is object =>
  typeof src === "object" && src !== null && typeof (src as { layout?: unknown }).layout === "function";

export function installPdfkitFontReuse(): void {
  const proto = PDFDocument.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[PATCHED]) return;
  const original = proto.font as FontFn;
  proto.font = function font(this: FontState, src: unknown, family?: unknown, size?: unknown) {
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
    this._fontSource = src;
    this._fontFamily = null;
    this.fontSize(family);
    this._font = known;
    return this;
  };
  proto[PATCHED] = true;
}

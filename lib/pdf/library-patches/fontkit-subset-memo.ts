import zlib from "node:zlib";
import { ByteBoundedLru } from "../../byte-bounded-lru";
import { propertyPatches, wrapMethod, type LibraryPatch } from "./library-patch";

/**
 * Patches fontkit's `TTFSubset.prototype.encode` and pdfkit's `PDFReference.prototype.finalize`.
 *
 * Every part pdfkit writes embeds a subset of each face it used: fontkit decodes every glyph of
 * the subset and writes a TrueType file, and pdfkit deflates it. That was a third of a small
 * part's render, paid again by every part. The encoded file depends only on the font and its
 * glyph list, so it is remembered by them (per thread, bounded), with its deflated form: when
 * pdfkit finalizes the font file's stream holding a remembered encoding, the remembered deflate
 * is written, the same bytes zlib would give. With canonical subsets (pdfkit-seeded-subset.ts)
 * most parts print the body face's same subset, so most encodings are remembered ones.
 */

interface SubsetState {
  font: object;
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}
interface ReferenceState {
  compress: boolean;
  buffer: Uint8Array[];
  data: { Filter?: unknown };
  finalize(): void;
}
interface Encoding {
  bytes: Uint8Array;
  deflated: Uint8Array;
  /** The glyph list after encoding: encode() appends the components of composite glyphs. */
  glyphs: number[];
}
/** A class whose prototype this patch changes, as a prototype. */
type Proto = Record<string | symbol, unknown>;

/**
 * Encodings a thread remembers: the body face's canonical subset is ~40 KB with its deflate; a
 * handful of faces and variants fit.
 */
const MAX_ENCODING_BYTES = 2 * 1024 * 1024;

const encodings = new ByteBoundedLru<Encoding>(
  MAX_ENCODING_BYTES,
  (encoding) => encoding.bytes.byteLength + encoding.deflated.byteLength + encoding.glyphs.length * 8,
);
/** The remembered encodings by their bytes, for finalize (the bytes object is what pdfkit writes). */
const deflatedOf = new WeakMap<Uint8Array, Uint8Array>();
const fontIds = new WeakMap<object, number>();
let nextFontId = 0;
let answered = 0;

function fontId(font: object): number {
  let id = fontIds.get(font);
  if (id === undefined) fontIds.set(font, (id = nextFontId++));
  return id;
}

function rememberingEncode(original: (this: SubsetState) => Uint8Array) {
  return function encode(this: SubsetState): Uint8Array {
    answered += 1;
    const key = `${fontId(this.font)}:${this.glyphs.join(",")}`;
    const known = encodings.get(key);
    if (known) {
      // Leave the subset as encoding it would: with the composites' components appended.
      for (const glyph of known.glyphs.slice(this.glyphs.length)) this.includeGlyph(glyph);
      return known.bytes;
    }
    const bytes = original.call(this);
    // pdfkit's own deflate of a stream: zlib.deflateSync with zlib's defaults.
    const encoding = { bytes, deflated: zlib.deflateSync(bytes), glyphs: [...this.glyphs] };
    encodings.set(key, encoding);
    deflatedOf.set(bytes, encoding.deflated);
    return bytes;
  };
}

function reusingDeflate(original: (this: ReferenceState) => void) {
  return function finalize(this: ReferenceState): void {
    const deflated = this.compress && this.buffer.length === 1 ? deflatedOf.get(this.buffer[0]) : undefined;
    if (deflated) {
      // write() has set the FlateDecode filter; finalize then writes the buffer as it stands.
      this.buffer = [deflated];
      this.compress = false;
    }
    original.call(this);
  };
}

/**
 * What the patch relies on, tried on samples: a subset has a glyph list (starting with the
 * missing glyph) and encodes to bytes that depend on that list alone; a compressing pdfkit
 * reference keeps what it is written in `buffer` as is, and sets the FlateDecode filter.
 */
function check(subsetProto: Proto, referenceProto: Proto, sampleFont: object, sampleReference: unknown): string | null {
  if (typeof subsetProto.encode !== "function") return "fontkit's subset has no encode()";
  if (typeof subsetProto.includeGlyph !== "function") return "fontkit's subset has no includeGlyph()";
  const encodeOnce = () => {
    const subset = (sampleFont as { createSubset(): SubsetState }).createSubset();
    subset.includeGlyph(36);
    return { subset, bytes: (subsetProto.encode as () => Uint8Array).call(subset) };
  };
  const first = encodeOnce();
  if (first.subset.font !== sampleFont) return "a subset no longer names its font in `font`";
  if (!Array.isArray(first.subset.glyphs) || first.subset.glyphs[0] !== 0 || first.subset.glyphs.at(-1) !== 36)
    return "a subset's `glyphs` is no longer its glyph list";
  if (!(first.bytes instanceof Uint8Array)) return "encode() no longer returns bytes";
  if (!Buffer.from(encodeOnce().bytes).equals(Buffer.from(first.bytes)))
    return "encoding the same glyphs twice gives different bytes";
  if (typeof referenceProto.finalize !== "function") return "pdfkit's reference has no finalize()";
  const reference = sampleReference as Partial<ReferenceState> & { write?(chunk: Uint8Array): void };
  if (typeof reference.write !== "function") return "pdfkit's reference has no write()";
  if (reference.compress !== true) return "a compressing document's reference no longer says so in `compress`";
  const chunk = new Uint8Array([1, 2, 3]);
  reference.write(chunk);
  if (!Array.isArray(reference.buffer) || reference.buffer.length !== 1 || reference.buffer[0] !== chunk)
    return "a reference no longer keeps the bytes it is written in `buffer`";
  if (reference.data?.Filter !== "FlateDecode") return "a compressing reference no longer sets the FlateDecode filter";
  return null;
}

/**
 * The memo on fontkit's TrueType subset class (reached through `sampleFont`) and on pdfkit's
 * reference class (reached through a reference `newReference` makes on a compressing document).
 */
export function fontkitSubsetMemo(sampleFont: object, newReference: () => object): LibraryPatch {
  const subsetProto = Object.getPrototypeOf((sampleFont as { createSubset(): object }).createSubset()) as Proto;
  const referenceProto = Object.getPrototypeOf(newReference()) as Proto;
  return {
    name: "fontkit-subset-memo",
    check: () => check(subsetProto, referenceProto, sampleFont, newReference()),
    ...propertyPatches("fontkit-subset-memo", [
      wrapMethod(subsetProto, "encode", rememberingEncode),
      wrapMethod(referenceProto, "finalize", reusingDeflate),
    ]),
    uses: () => answered,
  };
}

import zlib from "node:zlib";
import pako from "pako";
import { PDFContext } from "pdf-lib";
import { propertyPatches, wrapMethod, type LibraryPatch } from "./library-patch";

/**
 * Patches pako's `deflate`, through which pdf-lib compresses what it writes: the object streams
 * of a saved PDF and the content streams it makes (the stamped running chrome and page
 * numbers). pako is zlib written in JavaScript; Node's own zlib, in C, deflates the same bytes
 * about 4× faster (measured on an object stream: 0.57 against 0.15 ms). On the ~20-page
 * briefing the assembly's save went from ~11 to ~8 ms, and the assembly is the serial step of
 * every render (the parts render in parallel).
 *
 * Only the final PDF changes, not the parts (pdf-lib does not render them): Node's zlib is a
 * tuned build whose deflated bytes differ from pako's for the same data, though both inflate to
 * the same. So the PDF holds the same objects, pages, text and fonts, in other compressed bytes.
 * A call that passes options (a level, a raw stream) is left to pako.
 */

let deflated = 0;

/** The pako module, as pako.d.ts declares it (a stand-in in the tests). */
type PakoLike = typeof pako;

const SAMPLE = new TextEncoder().encode(
  "<< /Type /ObjStm /N 2 /First 9 >>\n1 0 2 12 << /A 1 >> << /B [1 2 3] >>\n".repeat(8),
);

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/**
 * What the patch relies on: pdf-lib's flate streams are pako's deflate of their contents, with
 * no options (so the `pako` this module patches is the one pdf-lib calls, up to its version),
 * and what Node's zlib deflates, pako inflates back.
 */
function check(library: PakoLike): string | null {
  if (typeof library.deflate !== "function" || typeof library.inflate !== "function")
    return "pako has no deflate() and inflate()";
  const stream = PDFContext.create().flateStream(SAMPLE);
  if (!sameBytes(stream.getContents(), library.deflate(SAMPLE)))
    return "pdf-lib's flate streams are no longer pako's deflate of their contents";
  if (!sameBytes(library.inflate(zlib.deflateSync(SAMPLE)), SAMPLE)) return "pako does not inflate Node's deflate";
  return null;
}

/** The patch on `library` (the pako module pdf-lib loads; a stand-in in the tests). */
export function pdfLibNativeDeflate(library: PakoLike = pako): LibraryPatch {
  return {
    name: "pdf-lib-native-deflate",
    check: () => check(library),
    ...propertyPatches("pdf-lib-native-deflate", [
      wrapMethod(
        library,
        "deflate",
        (original: PakoLike["deflate"]) =>
          function deflate(data: Uint8Array, options?: unknown): Uint8Array {
            if (options !== undefined) return original(data, options);
            deflated += 1;
            return zlib.deflateSync(data);
          },
      ),
    ]),
    uses: () => deflated,
  };
}

import fs from "node:fs";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { log } from "../../log";
import { fontkitLayoutWordCache } from "./fontkit-layout-word-cache";
import { fontkitSubsetMemo } from "./fontkit-subset-memo";
import { fontkitUnitsPerEmMemo } from "./fontkit-units-per-em-memo";
import { LIBRARY_PATCH_NAMES, type LibraryPatch, type LibraryPatchName } from "./library-patch";
import { pdfLibNativeDeflate } from "./pdf-lib-native-deflate";
import { pdfkitFontReuse, type PdfkitDocumentClass } from "./pdfkit-font-reuse";
import { pdfkitSeededSubset } from "./pdfkit-seeded-subset";

/**
 * The patches of fontkit's and pdfkit's internals, and of the deflate pdf-lib calls, that make
 * a briefing PDF faster to make without changing what it shows (each file says what it patches
 * and the measurements behind it; a test renders a whole briefing with and without them and
 * compares the bytes, or for the two that change bytes, the pages, text, word positions and
 * fonts). They reach into code that is not those libraries' public interface, so each is first
 * checked against the library that is loaded: a patch whose check fails is left off, with one
 * warning in the log, and rendering goes on unchanged, only slower.
 */

export interface LibraryPatchState {
  name: LibraryPatchName;
  /** Its start-up check passed and it is applied. */
  active: boolean;
  /** Why its start-up check left it off; null when the check passed. */
  problem: string | null;
}

let patches: LibraryPatch[] | null = null;
let states: LibraryPatchState[] = [];
const warned = new Set<string>();

/**
 * Checks every patch against the loaded library, then applies the ones whose check passed.
 * A failed check (or one that throws) leaves its patch off and logs a warning, once per patch
 * and problem in this thread. Exported for the tests, which hand it patches on stand-in classes.
 */
export function installLibraryPatches(list: LibraryPatch[]): LibraryPatchState[] {
  const checked = list.map((patch): LibraryPatchState => {
    if (patch.applied()) return { name: patch.name, active: true, problem: null };
    let problem: string | null;
    try {
      problem = patch.check();
    } catch (error) {
      problem = `its check threw: ${error instanceof Error ? error.message : String(error)}`;
    }
    return { name: patch.name, active: problem === null, problem };
  });
  list.forEach((patch, i) => {
    const { active, problem } = checked[i];
    if (active) patch.apply();
    else if (!warned.has(`${patch.name}: ${problem}`)) {
      warned.add(`${patch.name}: ${problem}`);
      log.warn(
        { libraryPatch: patch.name, problem },
        `PDF library patch ${patch.name} is off: the library no longer looks as it expects. PDFs are unchanged, only slower.`,
      );
    }
  });
  return checked;
}

/**
 * What every subset of the body face starts with (pdfkit-seeded-subset.ts): printable ASCII and
 * the punctuation the sources use (curly quotes, dashes, ellipsis, guillemets). A part printing
 * only these embeds the same font file as every other such part. Each character costs ~100
 * bytes in every part's file; a rarer one only makes its part's subset its own.
 */
export const BODY_SUBSET_SEED =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join("") + "‘’“”–—…«»";

/** The patches of this thread, made once, on the classes reached through `sampleFont`. */
export function libraryPatchesFor(sampleFont: object): LibraryPatch[] {
  const Doc = PDFDocument as unknown as PdfkitDocumentClass & (new (options?: object) => { ref(): object });
  const newDocument = () => new Doc({ autoFirstPage: false, compress: true });
  const embedded = () => {
    const doc = newDocument() as unknown as { font(src: object, size: number): { _font: object } };
    return doc.font(sampleFont, 10)._font;
  };
  const bodyFace = (sampleFont as { postscriptName: string }).postscriptName;
  return [
    fontkitLayoutWordCache(sampleFont),
    fontkitUnitsPerEmMemo(sampleFont),
    pdfkitFontReuse(Doc, sampleFont),
    fontkitSubsetMemo(sampleFont, () => newDocument().ref()),
    pdfkitSeededSubset(sampleFont, embedded, new Map([[bodyFace, BODY_SUBSET_SEED]])),
    pdfLibNativeDeflate(),
  ];
}

/**
 * Checks and applies the patches once per thread, before the first render. `sampleFontPath`
 * is the body face's TrueType file: fontkit's font class is reached through the font it
 * opens, and that face's subsets are the seeded ones.
 */
export function applyLibraryPatches(sampleFontPath: string): void {
  if (patches) return;
  patches = libraryPatchesFor(fontkit.create(fs.readFileSync(sampleFontPath)));
  states = installLibraryPatches(patches);
}

/** Every patch, whether it is on, and why not (empty before applyLibraryPatches). */
export function libraryPatchStates(): LibraryPatchState[] {
  return states.map((state, i) => ({ ...state, active: state.active && (patches?.[i].applied() ?? false) }));
}

/** The patches on in this thread. */
export function activeLibraryPatches(): LibraryPatchName[] {
  return libraryPatchStates()
    .filter((state) => state.active)
    .map((state) => state.name);
}

/** How many calls each patch has answered in this thread so far (see LibraryPatch.uses). */
export function libraryPatchUses(): Partial<Record<LibraryPatchName, number>> {
  return Object.fromEntries((patches ?? []).map((patch) => [patch.name, patch.uses()]));
}

/**
 * For the tests that render with and without the patches: takes the applied patches off (the
 * libraries' own code back), or puts back on the ones whose check passed; all of them, or
 * those `names`.
 */
export function switchLibraryPatches(on: boolean, names: readonly LibraryPatchName[] = LIBRARY_PATCH_NAMES): void {
  (patches ?? []).forEach((patch, i) => {
    if (!states[i].active || !names.includes(patch.name)) return;
    if (on) patch.apply();
    else patch.remove();
  });
}

export { BYTE_KEEPING_PATCH_NAMES, LIBRARY_PATCH_NAMES, type LibraryPatchName } from "./library-patch";

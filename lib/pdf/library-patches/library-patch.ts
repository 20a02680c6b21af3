/**
 * What a library patch is. Each file beside this one patches one piece of fontkit's or
 * pdfkit's internals to make react-pdf render faster without changing what it renders, and is
 * named after that patch. All but one leave the PDF's bytes as they were; pdfkit-seeded-subset
 * changes how the font subsets are numbered (not the pages, text or fonts). No library is imported here, so the pool's owner thread can read
 * which patches its render threads applied without loading fontkit or pdfkit.
 */

/** Every patch, by the name of its file (and in the order of the status bits below). */
export const LIBRARY_PATCH_NAMES = [
  "fontkit-layout-word-cache",
  "fontkit-units-per-em-memo",
  "pdfkit-font-reuse",
  "fontkit-subset-memo",
  "pdfkit-seeded-subset",
] as const;
export type LibraryPatchName = (typeof LIBRARY_PATCH_NAMES)[number];

/** The patches after which a PDF is the same file, byte for byte, as without them. */
export const BYTE_KEEPING_PATCH_NAMES: readonly LibraryPatchName[] = LIBRARY_PATCH_NAMES.filter(
  (name) => name !== "pdfkit-seeded-subset",
);

export interface LibraryPatch {
  readonly name: LibraryPatchName;
  /**
   * Whether the loaded library still looks as the patch expects: the methods and fields it
   * wraps or sets, with their shape, and the behaviour it relies on, tried on a sample.
   * Null when it does; otherwise what differs, in words for the log.
   */
  check(): string | null;
  /** Wraps the library's code. Only after check() returned null; idempotent. */
  apply(): void;
  /** Puts the library's own code back (the test that renders with and without the patches). */
  remove(): void;
  /** Applied in this thread, by this module or another copy of it. */
  applied(): boolean;
  /**
   * Calls the patch has answered in this thread. It only grows if react-pdf renders with the
   * library copy that was patched, so a probe can tell that the patch really applies.
   */
  uses(): number;
}

const REPORTED = 1 << 30;

/** The active patches as an integer a render thread stores in shared memory (pool-threads.ts). */
export function encodeActivePatches(active: readonly LibraryPatchName[]): number {
  return LIBRARY_PATCH_NAMES.reduce((bits, name, i) => (active.includes(name) ? bits | (1 << i) : bits), REPORTED);
}

/** The names encodeActivePatches stored; null when no thread has stored any yet. */
export function decodeActivePatches(bits: number): LibraryPatchName[] | null {
  if ((bits & REPORTED) === 0) return null;
  return LIBRARY_PATCH_NAMES.filter((_, i) => (bits & (1 << i)) !== 0);
}

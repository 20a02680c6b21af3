import { createHash } from "node:crypto";
import { PDFDict, PDFName, PDFObjectCopier, PDFPage, PDFRawStream, PDFRef, type PDFDocument } from "pdf-lib";

/**
 * Copies parts' pages into the final document keeping one copy of each font program. Every
 * part embeds its own subsets, and most parts' subsets of the body face are the very same file
 * (library-patches/pdfkit-seeded-subset.ts): copied part by part, a ~20-page briefing carried
 * the same font program a dozen times. A font descriptor may point at any stream holding its
 * program, so a program already copied is pointed at instead of copied again.
 */

interface FontProgram {
  /** The program's stream in the part. */
  ref: PDFRef;
  /** What makes two programs the same: the stream's dictionary and bytes. */
  digest: string;
}

const FONT_FILE_KEYS = ["FontFile", "FontFile2", "FontFile3"].map((key) => PDFName.of(key));
/** A parsed part is kept and reused (parsed-parts.ts): its programs are found once. */
const programsOfPart = new WeakMap<PDFDocument, FontProgram[]>();

function fontPrograms(part: PDFDocument): FontProgram[] {
  let programs = programsOfPart.get(part);
  if (programs) return programs;
  programs = [];
  for (const [, object] of part.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    for (const key of FONT_FILE_KEYS) {
      const ref = object.get(key);
      const stream = ref instanceof PDFRef ? part.context.lookup(ref) : undefined;
      if (!(ref instanceof PDFRef) || !(stream instanceof PDFRawStream)) continue;
      const digest = createHash("sha1").update(stream.dict.toString()).update(stream.contents).digest("base64");
      programs.push({ ref, digest });
    }
  }
  programsOfPart.set(part, programs);
  return programs;
}

/** The copier's map from a part's objects to their copies (pdf-lib's, not its public interface). */
function copiedObjects(copier: PDFObjectCopier): Map<unknown, unknown> | null {
  const traversed: unknown = (copier as unknown as { traversedObjects?: unknown }).traversedObjects;
  return traversed instanceof Map ? traversed : null;
}

/** One final document's copying: which programs it holds, by digest. */
export class FontProgramSharing {
  private readonly copied = new Map<string, PDFRef>();

  constructor(private readonly out: PDFDocument) {}

  /**
   * Every page of `part`, copied into the final document (not yet added), as pdf-lib's
   * copyPages copies them but for the font programs it already holds. Where pdf-lib's copier
   * does not look as expected, everything is copied, as copyPages would.
   */
  copyPages(part: PDFDocument): PDFPage[] {
    const copier = PDFObjectCopier.for(part.context, this.out.context);
    const copies = copiedObjects(copier);
    const programs = copies ? fontPrograms(part) : [];
    for (const { ref, digest } of programs) {
      const known = this.copied.get(digest);
      // Taken as already copied: the copier points at the final document's copy.
      if (known) copies!.set(ref, known);
    }
    const pages = part.getPages().map((page) => {
      const node = copier.copy(page.node);
      return PDFPage.of(node, this.out.context.register(node), this.out);
    });
    for (const { ref, digest } of programs) {
      const copy = copies!.get(ref);
      if (!this.copied.has(digest) && copy instanceof PDFRef) this.copied.set(digest, copy);
    }
    return pages;
  }
}

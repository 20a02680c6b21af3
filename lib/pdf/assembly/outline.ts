import { PDFHexString, PDFName, PDFNull, type PDFDocument, type PDFRef } from "pdf-lib";

export interface OutlineTarget {
  title: string;
  page: PDFRef;
  /** Where on the page to jump to (PDF units from the bottom); null fits the whole page. */
  top: number | null;
}

/**
 * Writes the document outline (bookmarks), one top-level entry per section. pdf-lib has no
 * outline API, so this builds the /Outlines tree of the PDF specification (ISO 32000-1, 12.3.3)
 * from its low-level objects, and asks viewers to open with the outline shown.
 */
export function writeOutline(pdf: PDFDocument, targets: OutlineTarget[]): void {
  if (targets.length === 0) return;
  const { context } = pdf;
  const rootRef = context.nextRef();
  const refs = targets.map(() => context.nextRef());
  targets.forEach((target, i) => {
    const dest =
      target.top === null
        ? context.obj([target.page, PDFName.of("Fit")])
        : context.obj([target.page, PDFName.of("XYZ"), PDFNull, target.top, PDFNull]);
    const item = context.obj({
      Title: PDFHexString.fromText(target.title),
      Parent: rootRef,
      Dest: dest,
      ...(i > 0 ? { Prev: refs[i - 1] } : {}),
      ...(i < refs.length - 1 ? { Next: refs[i + 1] } : {}),
    });
    context.assign(refs[i], item);
  });
  context.assign(
    rootRef,
    context.obj({ Type: "Outlines", First: refs[0], Last: refs[refs.length - 1], Count: refs.length }),
  );
  pdf.catalog.set(PDFName.of("Outlines"), rootRef);
  pdf.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument } from "pdf-lib";

export interface PartBookmark {
  title: string;
  /** 0-based page of the part the bookmark points to. */
  pageIndex: number;
  /** Top of the heading in PDF units from the page bottom, when the destination gives it. */
  top: number | null;
}

function decodeTitle(value: unknown): string {
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : "";
}

/**
 * The top-level bookmarks of a rendered part, in order. Section headings carry react-pdf
 * bookmarks, so this is where each section landed; reading them back from the PDF (its
 * /Outlines tree, as the PDF specification defines it) needs no hook into react-pdf's internals.
 */
export function readPartBookmarks(part: PDFDocument): PartBookmark[] {
  const pageRefs = part.getPages().map((page) => page.ref);
  const root = part.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const bookmarks: PartBookmark[] = [];
  let item = root?.lookupMaybe(PDFName.of("First"), PDFDict);
  while (item) {
    const dest = item.lookupMaybe(PDFName.of("Dest"), PDFArray);
    const target = dest?.get(0);
    const pageIndex = pageRefs.findIndex((ref) => target instanceof PDFRef && ref === target);
    if (!dest || pageIndex < 0) throw new Error("A section bookmark points at no page of its part");
    const kind = dest.get(1);
    const top =
      kind instanceof PDFName && kind.asString() === "/XYZ"
        ? (dest.lookupMaybe(3, PDFNumber)?.asNumber() ?? null)
        : null;
    bookmarks.push({ title: decodeTitle(item.lookup(PDFName.of("Title"))), pageIndex, top });
    item = item.lookupMaybe(PDFName.of("Next"), PDFDict);
  }
  return bookmarks;
}

import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from "pdf-lib";

export interface OutlineItem {
  title: string;
  /** 1-based page the bookmark points to. */
  page: number;
}

function destinationPage(item: PDFDict, pageRefs: PDFRef[]): number {
  let dest = item.lookup(PDFName.of("Dest"));
  if (!dest) {
    const action = item.lookup(PDFName.of("A"), PDFDict);
    dest = action.lookup(PDFName.of("D"));
  }
  if (!(dest instanceof PDFArray)) throw new Error("Bookmark without an explicit destination array");
  const target = dest.get(0);
  const index = pageRefs.findIndex((ref) => target instanceof PDFRef && ref.tag === target.tag);
  if (index < 0) throw new Error("Bookmark points at no page of the document");
  return index + 1;
}

/** The top-level entries of a PDF's outline (bookmarks), read from the catalog's /Outlines tree. */
export async function readOutline(pdf: Buffer): Promise<OutlineItem[]> {
  const doc = await PDFDocument.load(pdf);
  const pageRefs = doc.getPages().map((p) => p.ref);
  const root = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  if (!root) return [];
  const items: OutlineItem[] = [];
  let node = root.lookupMaybe(PDFName.of("First"), PDFDict);
  while (node) {
    const title = node.lookup(PDFName.of("Title"));
    if (!(title instanceof PDFString || title instanceof PDFHexString)) throw new Error("Bookmark without a title");
    items.push({ title: title.decodeText(), page: destinationPage(node, pageRefs) });
    node = node.lookupMaybe(PDFName.of("Next"), PDFDict);
  }
  return items;
}

import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";

export interface OutlineItem {
  title: string;
  /** 1-based page the bookmark points to. */
  page: number;
  /** For an /XYZ destination, the height on the page it scrolls to (PDF units from the bottom). */
  top: number | null;
}

function destinationOf(item: PDFDict, pageRefs: PDFRef[]): { page: number; top: number | null } {
  let dest = item.lookup(PDFName.of("Dest"));
  if (!dest) {
    const action = item.lookup(PDFName.of("A"), PDFDict);
    dest = action.lookup(PDFName.of("D"));
  }
  if (!(dest instanceof PDFArray)) throw new Error("Bookmark without an explicit destination array");
  const target = dest.get(0);
  const index = pageRefs.findIndex((ref) => target instanceof PDFRef && ref.tag === target.tag);
  if (index < 0) throw new Error("Bookmark points at no page of the document");
  const kind = dest.get(1);
  const top =
    kind instanceof PDFName && kind.asString() === "/XYZ" ? (dest.lookupMaybe(3, PDFNumber)?.asNumber() ?? null) : null;
  return { page: index + 1, top };
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
    items.push({ title: title.decodeText(), ...destinationOf(node, pageRefs) });
    node = node.lookupMaybe(PDFName.of("Next"), PDFDict);
  }
  return items;
}

import { PDFDocument } from "pdf-lib";
import { clearanceLine, documentOutline, documentVariant, type BriefingDocument } from "../../briefing/document";
import { partCitationNumbers } from "../parts/part-input";
import type { PartPlan } from "../parts/plan";
import { stampCitations, type PartPages } from "./citations";
import { stampChrome } from "./chrome";
import { FontProgramSharing } from "./font-programs";
import { writeOutline, type OutlineTarget } from "./outline";
import { stampNumbers, type ContentsNumber } from "./page-numbers";
import { readPartBookmarks, type PartBookmark } from "./part-bookmarks";
import { parsedPart } from "./parsed-parts";
import { embedStampFont } from "./stamp-font";

interface SectionStart {
  id: string;
  title: string;
  /** 0-based page in the final document. */
  pageIndex: number;
  top: number | null;
}

function expectTitles(marks: PartBookmark[], titles: string[], what: string): void {
  const found = marks.map((m) => m.title);
  if (found.length !== titles.length || found.some((t, i) => t !== titles[i])) {
    throw new Error(`${what}: expected bookmarks ${JSON.stringify(titles)}, found ${JSON.stringify(found)}`);
  }
}

/**
 * Where every section starts and where the contents left each of its numbers, read from the
 * bookmarks of the rendered parts: the front part's first bookmarks are the contents rows,
 * then each part has one per section it opens (the cover's part has none).
 */
function locate(doc: BriefingDocument, plans: PartPlan[], parts: PDFDocument[]) {
  const outline = documentOutline(doc);
  const starts: SectionStart[] = [];
  let contentsCells: PartBookmark[] = [];
  let offset = 0;
  parts.forEach((part, p) => {
    let marks = readPartBookmarks(part);
    if (plans[p].front) {
      contentsCells = marks.slice(0, outline.length).map((m) => ({ ...m, pageIndex: offset + m.pageIndex }));
      expectTitles(
        contentsCells,
        outline.map((e) => e.title),
        "Contents",
      );
      marks = marks.slice(outline.length);
    }
    const opened = plans[p].slices.filter((slice) => !slice.continued);
    expectTitles(
      marks,
      opened.map((s) => s.entry.title),
      `Part ${p + 1}`,
    );
    opened.forEach((slice, i) =>
      starts.push({
        id: slice.entry.id,
        title: slice.entry.title,
        pageIndex: offset + marks[i].pageIndex,
        top: marks[i].top,
      }),
    );
    offset += part.getPageCount();
  });
  const pageOf = new Map(starts.map((s) => [s.id, s.pageIndex + 1]));
  const contents: ContentsNumber[] = contentsCells.map((cell, i) => ({
    pageIndex: cell.pageIndex,
    top: cell.top ?? 0,
    page: pageOf.get(outline[i].id) ?? 0,
  }));
  return { starts, contents };
}

function setMetadata(pdf: PDFDocument, doc: BriefingDocument): void {
  const created = new Date(`${doc.preparedOn}T00:00:00Z`);
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  if (documentVariant(doc) === "counterpart") {
    // Only what the counterpart copy prints: its title, country, marking and status; no author
    // (no "Prepared by"), no purpose, no clearance.
    pdf.setSubject(`${doc.country.name}: meeting material`);
    pdf.setKeywords([["counterpart copy", doc.country.name, doc.marking, "releasable", doc.status].join(", ")]);
  } else {
    pdf.setAuthor(doc.preparedBy);
    // A cleared briefing says who cleared it, and when, in the subject as on the cover.
    const cleared = clearanceLine(doc);
    pdf.setSubject(`${doc.country.name}: ${doc.purpose}${cleared ? ` (${cleared})` : ""}`);
    // One string: pdf-lib joins the list with spaces, and "United Kingdom" would read as two keywords.
    pdf.setKeywords([
      ["briefing", doc.country.name, doc.marking, doc.status, ...(cleared ? ["cleared"] : [])].join(", "),
    ]);
  }
  pdf.setCreator("Chancery");
  pdf.setProducer("Chancery");
  pdf.setCreationDate(created);
  pdf.setModificationDate(created);
  pdf.setLanguage("en-GB");
}

/**
 * The final PDF: the parts in order (the cover, then the front matter opening with the
 * contents, the topics, the back matter, the sources), the running chrome (assembly/chrome.ts),
 * the contents' page numbers, "Page X of Y" and the citation numbers (assembly/citations.ts)
 * stamped, one bookmark per section, and the metadata.
 */
export async function assembleBriefing(
  doc: BriefingDocument,
  plans: PartPlan[],
  partBytes: Uint8Array[],
  keys: (string | null)[] | null = null,
): Promise<Uint8Array> {
  const parts = await Promise.all(partBytes.map((bytes, p) => parsedPart(bytes, keys?.[p] ?? null)));
  const { starts, contents } = locate(doc, plans, parts);

  const out = await PDFDocument.create({ updateMetadata: false });
  const citations: PartPages[] = [];
  const copying = new FontProgramSharing(out);
  for (const [p, part] of parts.entries()) {
    const numbers = partCitationNumbers(doc, plans[p]);
    citations.push({ firstPage: out.getPageCount(), pageCount: part.getPageCount(), numbers });
    for (const page of copying.copyPages(part)) out.addPage(page);
  }
  const font = await embedStampFont(out);
  stampChrome(out, { regular: font, bold: await embedStampFont(out, "bold") }, doc);
  stampNumbers(out, font, contents);
  stampCitations(out, font, citations);
  const targets: OutlineTarget[] = starts.map((s) => ({
    title: s.title,
    page: out.getPage(s.pageIndex).ref,
    top: s.top,
  }));
  writeOutline(out, targets);
  setMetadata(out, doc);
  // No yielding every 50 objects (pdf-lib's default, a setTimeout each): this runs on a render
  // thread, where nothing else waits for the event loop, and the pauses were half of the save.
  return out.save({ objectsPerTick: Infinity });
}

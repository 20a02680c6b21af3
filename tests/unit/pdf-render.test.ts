import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentOutline, type BriefingDocument } from "@/lib/briefing/document";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { makeBriefingDoc, SCRIPT_PROBE, UNICODE_PROBE } from "../helpers/briefing-doc";
import { readOutline } from "../helpers/pdf-outline";
import { allPageLines, allPageTexts, pdfFonts, pdfInfo, writeTempPdf } from "../helpers/pdf-tools";

interface Rendered {
  doc: BriefingDocument;
  pdf: Buffer;
  file: string;
  pages: string[];
  /** Each page's lines as laid out, for what lines up visually (the contents' numbers are stamped last). */
  visualLines: string[][];
  remove(): void;
}

async function render(doc: BriefingDocument): Promise<Rendered> {
  const pdf = await renderBriefingPdf(doc);
  const { file, remove } = writeTempPdf(pdf);
  return { doc, pdf, file, pages: allPageTexts(file), visualLines: allPageLines(file), remove };
}

const lines = (text: string) => text.split("\n").map((l) => l.trim());

/** Pages (0-based) of the contents: from page 2, those opening with the "Contents" title. */
const isContentsPage = (r: Rendered, index: number) => index > 0 && lines(r.pages[index]).includes("Contents");

/** The page each section's heading first appears on, as a line of its own, after the contents. */
function headingPages(r: Rendered): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of documentOutline(r.doc)) {
    const index = r.pages.findIndex((text, i) => i > 0 && !isContentsPage(r, i) && lines(text).includes(entry.title));
    found.set(entry.title, index + 1);
  }
  return found;
}

/** "Title … 12" as a reader sees each line of the contents page(s). */
function contentsNumbers(r: Rendered): Map<string, number> {
  const numbers = new Map<string, number>();
  r.visualLines.forEach((pageLines, i) => {
    if (!isContentsPage(r, i)) return;
    for (const line of pageLines) {
      const match = /^(.+) (\d+)$/.exec(line);
      if (match) numbers.set(match[1], Number(match[2]));
    }
  });
  return numbers;
}

function expectContentsMatchHeadings(r: Rendered) {
  const headings = headingPages(r);
  const contents = contentsNumbers(r);
  for (const entry of documentOutline(r.doc)) {
    expect(headings.get(entry.title), `heading "${entry.title}" not found`).toBeGreaterThan(1);
    expect(contents.get(entry.title), `contents entry for "${entry.title}"`).toBe(headings.get(entry.title));
  }
}

/** A briefing whose second topic dwarfs the rest, so the body is cut inside that section. */
function lopsidedDoc(): BriefingDocument {
  const doc = makeBriefingDoc({ scale: 1, status: "final" });
  const giant = doc.sections[1];
  doc.sections[1] = {
    ...giant,
    facts: Array.from({ length: 160 }, (_, i) => ({ ...giant.facts[0], id: `giant-${i}` })),
  };
  return doc;
}

describe("renderBriefingPdf", () => {
  let draft: Rendered;
  let final: Rendered;
  let long: Rendered;
  let lopsided: Rendered;

  beforeAll(async () => {
    draft = await render(makeBriefingDoc({ scale: 1.5 }));
    final = await render(makeBriefingDoc({ scale: 3, status: "final" }));
    long = await render(makeBriefingDoc({ scale: 55, status: "final", sourceCount: 40 }));
    lopsided = await render(lopsidedDoc());
  }, 120_000);
  afterAll(() => [draft, final, long, lopsided].forEach((r) => r?.remove()));

  it("prints a cover with title, country, purpose, author, date, status and revision", () => {
    const cover = draft.pages[0];
    for (const text of [
      draft.doc.title,
      "Country Kazakhstan",
      draft.doc.purpose,
      "Prepared by Central Asia Desk",
      "Date 2026-11-20",
      "Draft, revision 3",
    ]) {
      expect(cover).toContain(text);
    }
    expect(final.pages[0]).toContain("Final, revision 3");
  });

  it("puts marking top and bottom, the title and 'Page X of Y' on every page", () => {
    for (const r of [draft, final]) {
      const total = Number(pdfInfo(r.file).get("Pages"));
      expect(r.pages.length).toBe(total);
      r.pages.forEach((text, i) => {
        expect(text.split(r.doc.marking).length - 1, `marking count on page ${i + 1}`).toBeGreaterThanOrEqual(2);
        expect(text).toContain(r.doc.title);
        expect(text).toContain(`Page ${i + 1} of ${total}`);
        // Stamped after merging, yet on the footer's baseline beside the country.
        expect(r.visualLines[i]).toContain(`${r.doc.country.name} Page ${i + 1} of ${total}`);
      });
    }
  });

  it("watermarks every page of a draft, and no page of a final", () => {
    draft.pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain("D\nR\nA\nF\nT"));
    final.pages.forEach((text) => expect(text).not.toContain("D\nR\nA\nF\nT"));
  });

  it("lists every section in the contents with the page it really starts on", () => {
    expectContentsMatchHeadings(draft);
    expectContentsMatchHeadings(final);
  });

  it("renders a 100+ page briefing with correct contents numbers", () => {
    expect(long.pages.length).toBeGreaterThanOrEqual(100);
    expectContentsMatchHeadings(long);
  });

  it("keeps contents and bookmarks right when a section is split between parts", async () => {
    const title = lopsided.doc.sections[1].title;
    expect(lopsided.pages.join("\n")).toContain(`${title} (continued)`);
    expectContentsMatchHeadings(lopsided);
    const outline = await readOutline(lopsided.pdf);
    expect(outline.map((o) => o.title)).toEqual(documentOutline(lopsided.doc).map((e) => e.title));
  });

  it("bookmarks every section at the page its heading is on", async () => {
    for (const r of [final, long]) {
      const outline = await readOutline(r.pdf);
      const headings = headingPages(r);
      expect(outline.map((o) => o.title)).toEqual(documentOutline(r.doc).map((e) => e.title));
      for (const item of outline) {
        expect(item.page, item.title).toBe(headings.get(item.title));
        // Jumps to the heading itself, inside the page's content area, not just to its page.
        expect(item.top, item.title).toBeGreaterThan(56);
        expect(item.top, item.title).toBeLessThan(841.89 - 56 + 1);
      }
    }
  });

  it("resolves every citation number to an entry of the Sources list", () => {
    for (const r of [final, long]) {
      const sourcesPage = headingPages(r).get("Sources") ?? 0;
      const body = r.pages.slice(2, sourcesPage - 1).join("\n");
      const cited = new Set([...body.matchAll(/\[(\d+(?:, \d+)*)\]/g)].flatMap((m) => m[1].split(", ").map(Number)));
      const listed = new Set(
        [
          ...r.pages
            .slice(sourcesPage - 1)
            .join("\n")
            .matchAll(/^\[(\d+)\] /gm),
        ].map((m) => Number(m[1])),
      );
      expect(cited.size).toBeGreaterThan(0);
      for (const n of cited) expect(listed.has(n), `citation [${n}]`).toBe(true);
      expect(listed.size).toBe(r.doc.sources.length);
    }
  });

  it("round-trips Cyrillic, guillemets, dashes and curly quotes exactly", () => {
    expect(draft.pages.join("\n")).toContain(UNICODE_PROBE);
  });

  it("prints markup literally", () => {
    expect(draft.pages.join("\n")).toContain(SCRIPT_PROBE);
  });

  it("embeds every font and uses no base-14 font", () => {
    const fonts = pdfFonts(draft.file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/DejaVuSans/);
      expect(font.name).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
    }
  });

  it("shows both values and a note where the sources disagree on a key figure", () => {
    const text = final.pages.join("\n");
    expect(text).toContain("USD 49.7 billion [2]");
    expect(text).toContain("USD 47.1 billion [5]");
    expect(text).toContain("Note: the sources disagree on this figure.");
    expect(text.match(/sources disagree/g)).toHaveLength(1);
  });

  it("sets title, author, subject, keywords and creation date", () => {
    const info = pdfInfo(final.file);
    expect(info.get("Title")).toBe(final.doc.title);
    expect(info.get("Author")).toBe(final.doc.preparedBy);
    expect(info.get("Subject")).toContain(final.doc.purpose);
    expect(info.get("Keywords")).toBe("briefing, Kazakhstan, OFFICIAL-SENSITIVE, final");
    expect(info.get("CreationDate")).toMatch(/Nov 20 .*2026/);
  });

  it("marks dated facts", () => {
    expect(final.pages.join("\n")).toMatch(/1 Nov 2018 \(dated\) — /);
    expect(final.pages.join("\n")).toMatch(/5 Nov 2022 — /);
  });
});

describe("a cleared briefing's PDF", () => {
  let cleared: Rendered;
  let uncleared: Rendered;
  beforeAll(async () => {
    const clearance = { clearedBy: "Hana Head", clearedOn: "2026-11-19" };
    cleared = await render(makeBriefingDoc({ scale: 0.5, clearance }));
    uncleared = await render(makeBriefingDoc({ scale: 0.5 }));
  }, 120_000);
  afterAll(() => [cleared, uncleared].forEach((r) => r?.remove()));

  it("says who cleared it and when on the cover and in its metadata, and keeps the DRAFT watermark until final", () => {
    expect(cleared.pages[0]).toContain("Cleared by Hana Head, 2026-11-19");
    cleared.pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain("D\nR\nA\nF\nT"));
    const info = pdfInfo(cleared.file);
    expect(info.get("Subject")).toContain("(Cleared by Hana Head, 2026-11-19)");
    expect(info.get("Keywords")).toBe("briefing, Kazakhstan, OFFICIAL-SENSITIVE, draft, cleared");
  });

  it("says nothing of clearance when not cleared", () => {
    expect(uncleared.pages.join("\n")).not.toContain("Cleared by");
    expect(pdfInfo(uncleared.file).get("Subject")).not.toContain("Cleared");
    expect(pdfInfo(uncleared.file).get("Keywords")).toBe("briefing, Kazakhstan, OFFICIAL-SENSITIVE, draft");
  });
});

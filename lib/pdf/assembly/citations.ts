import zlib from "node:zlib";
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFFont,
} from "pdf-lib";
import { BLANK_COLOUR, parseCitationAddress, pieceText } from "../citation";
import { theme } from "../theme";

/**
 * The briefing's citation numbers, written into the blanks the parts left for them
 * (citation.tsx): a part's blank names the part's own numbers, `numbers` maps them to the
 * briefing's (parts/part-input.ts partCitationNumbers). The label replaces the blank's own
 * text operator where it stands in the page's content, so it is drawn, selected and extracted
 * in reading order, at the blank's position, size and colour of the text around it.
 */
export interface CitationStamp {
  /** 0-based page in the final document. */
  pageIndex: number;
  text: string;
}

function linkAddress(annotation: PDFDict): string | null {
  const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
  const uri = action?.lookup(PDFName.of("URI"));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : null;
}

/**
 * Takes the citation blanks' links off one part's pages [from, to) of the final document, in
 * the order the part drew them, and says what each blank will print (`numbers`: see above).
 */
export function takeCitations(pdf: PDFDocument, numbers: number[], from: number, to: number): CitationStamp[] {
  const stamps: CitationStamp[] = [];
  for (let pageIndex = from; pageIndex < to; pageIndex++) {
    const page = pdf.getPage(pageIndex);
    const annotations = page.node.Annots();
    if (!annotations) continue;
    const kept: ReturnType<PDFArray["get"]>[] = [];
    for (let i = 0; i < annotations.size(); i++) {
      const annotation = annotations.lookupMaybe(i, PDFDict);
      const blank = annotation ? parseCitationAddress(linkAddress(annotation) ?? "") : null;
      if (!blank) {
        kept.push(annotations.get(i));
        continue;
      }
      const number = numbers[blank.number - 1];
      if (number === undefined)
        throw new Error(`A part's citation ${blank.number} stands for no source of the briefing`);
      stamps.push({ pageIndex, text: pieceText({ ...blank, number }) });
    }
    if (kept.length === annotations.size()) continue;
    if (kept.length === 0) page.node.delete(PDFName.of("Annots"));
    else page.node.set(PDFName.of("Annots"), pdf.context.obj(kept));
  }
  return stamps;
}

/** react-pdf's fill colour operator for "#rrggbb" (channel / 255, as JavaScript prints it). */
const fillOperator = (hex: string) =>
  `${[1, 3, 5].map((at) => String(parseInt(hex.slice(at, at + 2), 16) / 255)).join(" ")} scn`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A blank's run: its colour, then (graphics state, text matrix) its font and its glyphs.
const BLANK_RUN = new RegExp(
  `${escape(fillOperator(BLANK_COLOUR))}\\n((?:(?!\\bTJ\\b)[\\s\\S])*?)/[^\\s/]+ ([\\d.]+) Tf\\n\\[[^\\]]*\\] TJ`,
  "g",
);
const INK = fillOperator(theme.ink);
const FONT = "ChanceryCitation";

function streamText(stream: PDFRawStream): string {
  const filter = stream.dict.lookup(PDFName.of("Filter"));
  const bytes = filter === PDFName.of("FlateDecode") ? zlib.inflateSync(stream.contents) : stream.contents;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** Writes each page's labels over its blanks, in order; throws if a page's blanks and labels differ in number. */
export function stampCitations(pdf: PDFDocument, font: PDFFont, stamps: CitationStamp[]): void {
  const byPage = new Map<number, string[]>();
  for (const { pageIndex, text } of stamps) byPage.set(pageIndex, [...(byPage.get(pageIndex) ?? []), text]);
  for (const [pageIndex, labels] of byPage) {
    const page = pdf.getPage(pageIndex);
    page.node.setFontDictionary(PDFName.of(FONT), font.ref);
    const contents = page.node.Contents();
    const refs =
      contents instanceof PDFArray
        ? contents.asArray()
        : [page.node.get(PDFName.of("Contents"))].filter((r) => r instanceof PDFRef);
    let next = 0;
    for (const ref of refs) {
      const stream = pdf.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const text = streamText(stream);
      if (!text.includes(fillOperator(BLANK_COLOUR))) continue;
      const stamped = text.replace(BLANK_RUN, (_, between: string, size: string) => {
        const label = labels[next++] ?? "";
        return `${INK}\n${between}/${FONT} ${size} Tf\n${font.encodeText(label).toString()} Tj`;
      });
      const bytes = zlib.deflateSync(Buffer.from(stamped, "latin1"), { level: 1 });
      const dict = pdf.context.obj({ Filter: "FlateDecode" });
      pdf.context.assign(ref as PDFRef, PDFRawStream.of(dict, bytes));
    }
    if (next !== labels.length) {
      throw new Error(`Page ${pageIndex + 1}: ${labels.length} citations to stamp, ${next} blanks found`);
    }
  }
}

import { createHash } from "node:crypto";
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
import { ByteBoundedLru } from "../../byte-bounded-lru";
import { BLANK_COLOUR, parseCitationAddress, pieceText, type CitationPiece } from "../citation";
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

/** A part's citation blanks, page by page (0-based in the part), in the order the part drew them. */
type PartBlanks = { page: number; piece: CitationPiece }[];
const blanksOfPart = new WeakMap<PDFDocument, PartBlanks>();

/**
 * Takes the citation blanks' links off a parsed part's pages, once (a parsed part is reused:
 * parsed-parts.ts), and says which of the part's own numbers each blank stands for. Taken off
 * before its pages are copied, so the final document never holds them: two objects per
 * citation, about half of a part's objects.
 */
function takeBlanks(part: PDFDocument): PartBlanks {
  let blanks = blanksOfPart.get(part);
  if (blanks) return blanks;
  blanks = [];
  for (const [page, leaf] of part.getPages().entries()) {
    const annotations = leaf.node.Annots();
    if (!annotations) continue;
    const kept: ReturnType<PDFArray["get"]>[] = [];
    for (let i = 0; i < annotations.size(); i++) {
      const annotation = annotations.lookupMaybe(i, PDFDict);
      const piece = annotation ? parseCitationAddress(linkAddress(annotation) ?? "") : null;
      if (piece) blanks.push({ page, piece });
      else kept.push(annotations.get(i));
    }
    if (kept.length === annotations.size()) continue;
    if (kept.length === 0) leaf.node.delete(PDFName.of("Annots"));
    else leaf.node.set(PDFName.of("Annots"), part.context.obj(kept));
  }
  blanksOfPart.set(part, blanks);
  return blanks;
}

/**
 * What each citation blank of `part` will print once its pages are the final document's from
 * `firstPage` on (`numbers`: the part's own numbers as the briefing's, part-input.ts
 * partCitationNumbers). Call before copying the part's pages: their blanks' links are not copied.
 */
export function partCitations(part: PDFDocument, numbers: number[], firstPage: number): CitationStamp[] {
  return takeBlanks(part).map(({ page, piece }) => {
    const number = numbers[piece.number - 1];
    if (number === undefined) throw new Error(`A part's citation ${piece.number} stands for no source of the briefing`);
    return { pageIndex: firstPage + page, text: pieceText({ ...piece, number }) };
  });
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

/**
 * Stamped content streams by what decides them: the SHA-1 of the stream as the part drew it
 * and the labels as the stamp font encodes them. Inflating, rewriting and deflating every page
 * with citations was a fifth of an assembly, and after an edit nearly every page, and its
 * labels, are the same as last time. Per thread, bounded by bytes (2 MiB: a ~20-page briefing's
 * stamped pages take ~0.2 MB), least recently used out.
 */
const MAX_STAMPED_BYTES = 2 * 1024 * 1024;
interface StampedStream {
  bytes: Uint8Array;
  /** The blanks it had: the labels it took. */
  count: number;
}
const stampedStreams = new ByteBoundedLru<StampedStream>(MAX_STAMPED_BYTES, (stamped) => stamped.bytes.byteLength);

/** Test hook: forget every stamped stream, so the next assembly stamps from scratch. */
export function forgetStampedStreams(): void {
  stampedStreams.clear();
}

/** The stream with its blanks replaced by `labels` (encoded) from `from` on; null when it has none. */
function stampStream(stream: PDFRawStream, labels: string[], from: number): StampedStream | null {
  const text = streamText(stream);
  if (!text.includes(fillOperator(BLANK_COLOUR))) return null;
  let next = from;
  const stamped = text.replace(BLANK_RUN, (_, between: string, size: string) => {
    const label = labels[next++] ?? "";
    return `${INK}\n${between}/${FONT} ${size} Tf\n${label} Tj`;
  });
  return { bytes: zlib.deflateSync(Buffer.from(stamped, "latin1"), { level: 1 }), count: next - from };
}

/** Writes each page's labels over its blanks, in order; throws if a page's blanks and labels differ in number. */
export function stampCitations(pdf: PDFDocument, font: PDFFont, stamps: CitationStamp[]): void {
  const byPage = new Map<number, string[]>();
  for (const { pageIndex, text } of stamps) byPage.set(pageIndex, [...(byPage.get(pageIndex) ?? []), text]);
  for (const [pageIndex, texts] of byPage) {
    const labels = texts.map((text) => font.encodeText(text).toString());
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
      const hash = createHash("sha1").update(stream.contents).digest("base64");
      // The labels still to place go in the key: a stream takes them from `next` on.
      const key = `${hash} ${next} ${labels.join(" ")}`;
      let stamped = stampedStreams.get(key) ?? null;
      if (!stamped) {
        stamped = stampStream(stream, labels, next);
        if (!stamped) continue;
        stampedStreams.set(key, stamped);
      }
      next += stamped.count;
      const dict = pdf.context.obj({ Filter: "FlateDecode" });
      pdf.context.assign(ref as PDFRef, PDFRawStream.of(dict, stamped.bytes));
    }
    if (next !== labels.length) {
      throw new Error(`Page ${pageIndex + 1}: ${labels.length} citations to stamp, ${next} blanks found`);
    }
  }
}

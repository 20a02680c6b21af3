import { createHash } from "node:crypto";
import zlib from "node:zlib";
import { PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFFont } from "pdf-lib";
import { ByteBoundedLru } from "../../byte-bounded-lru";
import { BLANK_RED, pieceOfBlank, pieceText, type CitationPiece } from "../citation";
import { theme } from "../theme";

/**
 * The briefing's citation numbers, written into the blanks the parts left for them
 * (citation.tsx): a blank's colour names the part's own number, and `numbers` maps the part's
 * numbers to the briefing's (parts/part-input.ts partCitationNumbers). The label replaces the
 * blank's own text operator where it stands in the page's content, so it is drawn, selected
 * and extracted in reading order, at the blank's position and size, in the ink around it.
 */
export interface PartPages {
  /** The part's first page in the final document (0-based) and how many it has. */
  firstPage: number;
  pageCount: number;
  /** The briefing's number for each of the part's own numbers (the part's number 1 at index 0). */
  numbers: number[];
}

/** react-pdf's fill colour operator for "#rrggbb" (channel / 255, as JavaScript prints it). */
const fillOperator = (hex: string) =>
  `${[1, 3, 5].map((at) => String(parseInt(hex.slice(at, at + 2), 16) / 255)).join(" ")} scn`;

// A blank's run: its colour (BLANK_RED, then the piece in green and blue), then (graphics
// state, text matrix) its font and its glyphs. react-pdf writes a colour as its channels / 255.
const RED = String(BLANK_RED / 255);
const COLOUR = `(?<![\\d.])${RED.replace(".", "\\.")} ([\\d.]+) ([\\d.]+) scn\\n`;
const BLANK_COLOUR_OPERATOR = new RegExp(COLOUR, "g");
const BLANK_RUN = new RegExp(`${COLOUR}((?:(?!\\bTJ\\b)[\\s\\S])*?)/[^\\s/]+ ([\\d.]+) Tf\\n\\[[^\\]]*\\] TJ`, "g");
const INK = fillOperator(theme.ink);
const FONT = "ChanceryCitation";

const channelOf = (text: string) => Math.round(Number(text) * 255);

function streamText(stream: PDFRawStream): string {
  const filter = stream.dict.lookup(PDFName.of("Filter"));
  const bytes = filter === PDFName.of("FlateDecode") ? zlib.inflateSync(stream.contents) : stream.contents;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/**
 * The citation pieces a content stream's blanks stand for, in the order drawn, by the SHA-1 of
 * the stream as the part drew it: found once (inflating the stream), so that the stamped
 * stream can be looked up by its labels without inflating it again (stampedStreams). Per
 * thread, bounded: a few numbers per page.
 */
const piecesOfStream = new ByteBoundedLru<CitationPiece[]>(256 * 1024, (pieces) => 16 + pieces.length * 8);

/** The pieces `text`'s blanks stand for; throws where a blank's colour is not in the run a blank draws. */
function blankPieces(text: string): CitationPiece[] {
  const pieces: CitationPiece[] = [];
  for (const [, green, blue] of text.matchAll(BLANK_RUN)) {
    const piece = pieceOfBlank(channelOf(green), channelOf(blue));
    if (!piece) throw new Error("A citation blank's colour names no citation");
    pieces.push(piece);
  }
  const colours = text.match(BLANK_COLOUR_OPERATOR)?.length ?? 0;
  if (colours !== pieces.length) {
    throw new Error(`${colours} citation blanks in a page's content, ${pieces.length} of them where expected`);
  }
  return pieces;
}

/**
 * Stamped content streams by what decides them: the SHA-1 of the stream as the part drew it
 * and the labels as the stamp font encodes them. Inflating, rewriting and deflating every page
 * with citations was a fifth of an assembly, and after an edit nearly every page, and its
 * labels, are the same as last time. Per thread, bounded by bytes (2 MiB: a ~20-page briefing's
 * stamped pages take ~0.2 MB), least recently used out.
 */
const MAX_STAMPED_BYTES = 2 * 1024 * 1024;
const stampedStreams = new ByteBoundedLru<Uint8Array>(MAX_STAMPED_BYTES, (bytes) => bytes.byteLength);

/** Test hook: forget every stamped stream, so the next assembly stamps from scratch. */
export function forgetStampedStreams(): void {
  stampedStreams.clear();
  piecesOfStream.clear();
}

/** `text` with each blank's run replaced by its label (`labels`, encoded, in order), deflated. */
function stampStream(text: string, labels: string[]): Uint8Array {
  let next = 0;
  const stamped = text.replace(BLANK_RUN, (_, _green: string, _blue: string, between: string, size: string) => {
    return `${INK}\n${between}/${FONT} ${size} Tf\n${labels[next++]} Tj`;
  });
  return zlib.deflateSync(Buffer.from(stamped, "latin1"), { level: 1 });
}

/**
 * Writes the briefing's citation labels over the blanks of each part's pages (`parts`, in
 * order). Throws where a blank names a number its part does not have.
 */
export function stampCitations(pdf: PDFDocument, font: PDFFont, parts: PartPages[]): void {
  for (const { firstPage, pageCount, numbers } of parts) {
    for (let pageIndex = firstPage; pageIndex < firstPage + pageCount; pageIndex++) {
      const page = pdf.getPage(pageIndex);
      const contents = page.node.Contents();
      const refs =
        contents instanceof PDFArray
          ? contents.asArray()
          : [page.node.get(PDFName.of("Contents"))].filter((r) => r instanceof PDFRef);
      let stamped = false;
      for (const ref of refs) {
        const stream = pdf.context.lookup(ref);
        if (!(stream instanceof PDFRawStream)) continue;
        const hash = createHash("sha1").update(stream.contents).digest("base64");
        let text: string | null = null;
        let pieces = piecesOfStream.get(hash);
        if (!pieces) {
          text = streamText(stream);
          pieces = text.includes(RED) ? blankPieces(text) : [];
          piecesOfStream.set(hash, pieces);
        }
        if (pieces.length === 0) continue;
        const labels = pieces.map((piece) => {
          const number = numbers[piece.number - 1];
          if (number === undefined) {
            throw new Error(
              `Page ${pageIndex + 1}: a part's citation ${piece.number} stands for no source of the briefing`,
            );
          }
          return font.encodeText(pieceText({ ...piece, number })).toString();
        });
        const key = `${hash} ${labels.join(" ")}`;
        let bytes = stampedStreams.get(key);
        if (!bytes) {
          bytes = stampStream(text ?? streamText(stream), labels);
          stampedStreams.set(key, bytes);
        }
        pdf.context.assign(ref as PDFRef, PDFRawStream.of(pdf.context.obj({ Filter: "FlateDecode" }), bytes));
        stamped = true;
      }
      if (stamped) page.node.setFontDictionary(PDFName.of(FONT), font.ref);
    }
  }
}

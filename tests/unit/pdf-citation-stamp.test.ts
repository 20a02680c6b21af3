import zlib from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFPage } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { forgetStampedStreams, stampCitations } from "@/lib/pdf/assembly/citations";
import { embedStampFont } from "@/lib/pdf/assembly/stamp-font";
import { blankColour, type CitationPiece } from "@/lib/pdf/citation";

/** The fill operator react-pdf writes for "#rrggbb": each channel / 255, as JavaScript prints it. */
const fill = (hex: string) =>
  `${[1, 3, 5].map((at) => String(parseInt(hex.slice(at, at + 2), 16) / 255)).join(" ")} scn`;

/** A blank's run as react-pdf draws it: its colour, the text state, its font and its no-break spaces. */
const blankRun = (piece: CitationPiece) =>
  `${fill(blankColour(piece))}\nBT\n1 0 0 -1 120 700 Tm\n/F2 10 Tf\n[<0003000300030003> 0] TJ\nET`;

/** A one-page document whose page content is `content`, deflated as react-pdf writes it. */
async function pageWith(content: string): Promise<{ pdf: PDFDocument; page: PDFPage }> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  const stream = PDFRawStream.of(
    pdf.context.obj({ Filter: "FlateDecode" }),
    zlib.deflateSync(Buffer.from(content, "latin1")),
  );
  page.node.set(PDFName.of("Contents"), pdf.context.obj([pdf.context.register(stream)]));
  return { pdf, page };
}

function contentOf(pdf: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  if (!(contents instanceof PDFArray)) throw new Error("The page has no content array");
  const stream = pdf.context.lookup(contents.get(0));
  if (!(stream instanceof PDFRawStream)) throw new Error("The page's content is not a stream");
  return zlib.inflateSync(stream.contents).toString("latin1");
}

describe("stamping citation numbers", () => {
  it("writes the briefing's number for the part's own, in ink, where each blank's run was", async () => {
    forgetStampedStreams();
    const first = { open: "[", number: 2, close: "," } as const;
    const second = { open: "", number: 1, close: "]" } as const;
    const { pdf, page } = await pageWith(`0 0 0 scn\n${blankRun(first)}\n${blankRun(second)}\n`);
    const font = await embedStampFont(pdf);
    stampCitations(pdf, font, [{ firstPage: 0, pageCount: 1, numbers: [7, 12] }]);
    const stamped = contentOf(pdf, page);
    expect(stamped).not.toContain(fill(blankColour(first)));
    expect(stamped.match(/\/ChanceryCitation 10 Tf\n<[0-9A-F]+> Tj/g)).toHaveLength(2);
    expect(stamped).toContain(`${font.encodeText("[12,")} Tj`);
    expect(stamped).toContain(`${font.encodeText("7]")} Tj`);
  });

  it("refuses a blank that names a number its part does not have", async () => {
    forgetStampedStreams();
    const { pdf } = await pageWith(blankRun({ open: "[", number: 3, close: "]" }));
    const font = await embedStampFont(pdf);
    expect(() => stampCitations(pdf, font, [{ firstPage: 0, pageCount: 1, numbers: [7, 12] }])).toThrow(
      /citation 3 stands for no source/,
    );
  });

  it("refuses a page where a blank's colour is not followed by the run it draws", async () => {
    forgetStampedStreams();
    const colour = fill(blankColour({ open: "[", number: 1, close: "]" }));
    const { pdf } = await pageWith(`${colour}\n0 0 m 10 10 l S\n`);
    const font = await embedStampFont(pdf);
    expect(() => stampCitations(pdf, font, [{ firstPage: 0, pageCount: 1, numbers: [7] }])).toThrow(
      /1 citation blanks in a page's content, 0 of them where expected/,
    );
  });
});

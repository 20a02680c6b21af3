import zlib from "node:zlib";
import pako from "pako";
import { PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { registerPdfFonts } from "@/lib/pdf/fonts";
import { libraryPatchStates, libraryPatchUses, switchLibraryPatches } from "@/lib/pdf/library-patches";
import { pdfLibNativeDeflate } from "@/lib/pdf/library-patches/pdf-lib-native-deflate";
import { makeBriefingDoc } from "../helpers/briefing-doc";
import { differences, renderForComparison } from "../helpers/pdf-compare";

/** The final PDF's streams deflated by Node's zlib, not pako (library-patches/pdf-lib-native-deflate.ts). */

registerPdfFonts();
const NAME = ["pdf-lib-native-deflate"] as const;

/** Every object of a PDF as text, streams inflated: what two files hold, whatever their compression. */
async function objects(pdf: Buffer): Promise<string[]> {
  const parsed = await PDFDocument.load(pdf, { updateMetadata: false });
  return parsed.context
    .enumerateIndirectObjects()
    .sort(([a], [b]) => a.objectNumber - b.objectNumber)
    .map(([ref, object]) => {
      if (!(object instanceof PDFRawStream)) return `${ref} ${object.toString()}`;
      const flate = object.dict.get(PDFName.of("Filter")) === PDFName.of("FlateDecode");
      const contents = flate ? zlib.inflateSync(object.contents) : Buffer.from(object.contents);
      // The deflated length is the one thing a stream's dictionary may differ in.
      const dict = object.dict.toString().replace(/\/Length \d+/, "");
      return `${ref} ${dict} ${contents.toString("latin1")}`;
    });
}

describe("the final PDF deflated by Node's zlib", () => {
  it("holds the same objects, pages, text, word positions and fonts as pako's, in other bytes", async () => {
    const doc = makeBriefingDoc({ scale: 1, status: "draft" });
    switchLibraryPatches(false, NAME);
    let plain;
    try {
      plain = await renderForComparison(doc);
    } finally {
      switchLibraryPatches(true, NAME);
    }
    const before = libraryPatchUses()["pdf-lib-native-deflate"] ?? 0;
    const native = await renderForComparison(doc);
    // The patch answered the assembly's deflates: it patches the pako pdf-lib calls.
    expect(libraryPatchUses()["pdf-lib-native-deflate"]).toBeGreaterThan(before);
    expect(differences(plain, native)).toEqual([expect.stringMatching(/^bytes differ/)]);
    expect(await objects(native.pdf)).toEqual(await objects(plain.pdf));
  }, 60_000);

  it("deflates plain calls with Node's zlib and leaves a call with options (a level) to pako", () => {
    const data = new TextEncoder().encode("Astana, Brussels and Samarkand ".repeat(200));
    switchLibraryPatches(false, NAME);
    let pakoLevel1: Uint8Array;
    try {
      pakoLevel1 = pako.deflate(data, { level: 1 });
    } finally {
      switchLibraryPatches(true, NAME);
    }
    expect(libraryPatchStates().find((state) => state.name === "pdf-lib-native-deflate")?.active).toBe(true);
    expect(Buffer.from(pako.deflate(data)).equals(zlib.deflateSync(data))).toBe(true);
    expect(Buffer.from(pako.deflate(data, { level: 1 })).equals(Buffer.from(pakoLevel1))).toBe(true);
  });

  it("stays off when pdf-lib's flate streams are not the deflate it would patch", () => {
    // A pako pdf-lib does not call (another copy, another version): patching it would do nothing.
    const otherDeflate = { deflate: (data: Uint8Array) => zlib.deflateSync(data, { level: 9 }), inflate: pako.inflate };
    expect(pdfLibNativeDeflate(otherDeflate).check()).toMatch(/no longer pako's deflate/);
    const noDeflate = { inflate: pako.inflate } as unknown as Parameters<typeof pdfLibNativeDeflate>[0];
    expect(pdfLibNativeDeflate(noDeflate).check()).toMatch(/no deflate\(\)/);
  });
});

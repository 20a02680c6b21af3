import { createHash } from "node:crypto";
import fs from "node:fs";
import * as fontkit from "fontkit";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { BriefingDocument } from "@/lib/briefing/document";
import { dejavuFontPath, registerPdfFonts } from "@/lib/pdf/fonts";
import { BODY_SUBSET_SEED, switchLibraryPatches } from "@/lib/pdf/library-patches";
import { fontkitSubsetMemo } from "@/lib/pdf/library-patches/fontkit-subset-memo";
import { pdfkitSeededSubset } from "@/lib/pdf/library-patches/pdfkit-seeded-subset";
import { partInput } from "@/lib/pdf/parts/part-input";
import { planParts } from "@/lib/pdf/parts/plan";
import { renderParts } from "@/lib/pdf/parts/render-parts";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { makeBriefingDoc } from "../helpers/briefing-doc";
import { differences, renderForComparison } from "../helpers/pdf-compare";

/**
 * Canonical font subsets (library-patches/pdfkit-seeded-subset.ts), their remembered encodings
 * (fontkit-subset-memo.ts) and the assembly's one copy of each font program
 * (assembly/font-programs.ts).
 */

// Applies the library patches, so the first test can switch one off.
registerPdfFonts();

const SEEDED: ["pdfkit-seeded-subset"] = ["pdfkit-seeded-subset"];
const MEMO: ["fontkit-subset-memo"] = ["fontkit-subset-memo"];

/** With `names` off for the call, then on again. */
async function without<T>(names: Parameters<typeof switchLibraryPatches>[1], run: () => Promise<T>): Promise<T> {
  switchLibraryPatches(false, names);
  try {
    return await run();
  } finally {
    switchLibraryPatches(true, names);
  }
}

interface FontProgram {
  fontName: string;
  stream: PDFRef;
  digest: string;
  widths: PDFArray | undefined;
}

/** Every font descriptor's program in `pdf`, with the widths of the font that names it. */
async function fontPrograms(pdf: Uint8Array): Promise<FontProgram[]> {
  const doc = await PDFDocument.load(pdf);
  const widthsOf = new Map<PDFRef, PDFArray>();
  const programs: FontProgram[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const descriptor = object.get(PDFName.of("FontDescriptor"));
    const widths = object.lookupMaybe(PDFName.of("W"), PDFArray);
    if (descriptor instanceof PDFRef && widths) widthsOf.set(descriptor, widths);
  }
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const stream = object.get(PDFName.of("FontFile2"));
    const program = stream instanceof PDFRef ? doc.context.lookup(stream) : undefined;
    if (!(stream instanceof PDFRef) || !(program instanceof PDFRawStream)) continue;
    programs.push({
      fontName: (object.lookup(PDFName.of("FontName")) as PDFName).decodeText(),
      stream,
      digest: createHash("sha1").update(program.contents).digest("hex"),
      widths: widthsOf.get(ref),
    });
  }
  return programs;
}

const bodyFace = (program: FontProgram) => program.fontName.endsWith("+DejaVuSans");

function seededDoc(): BriefingDocument {
  const doc = makeBriefingDoc({ scale: 3, sourceCount: 12 });
  // A glyph outside the seed (é, a composite of two) and a Cyrillic run: the subset grows past it.
  doc.sections[0].facts[0].text = "Café talks in Астана: the sides agreed — “fine” — on raw materials.";
  return doc;
}

describe("seeded subsets of the body face", () => {
  it("print the same pages, text, word positions and fonts as subsets of drawn glyphs only", async () => {
    const doc = seededDoc();
    const plain = await without(SEEDED, () => renderForComparison(doc));
    const seeded = await renderForComparison(doc);
    expect(differences(plain, seeded)).toEqual([expect.stringMatching(/^bytes differ/)]);
  }, 60_000);

  it("give every glyph of the subset a width, drawn or not", async () => {
    const programs = (await fontPrograms(await renderBriefingPdf(seededDoc()))).filter(bodyFace);
    expect(programs.length).toBeGreaterThan(0);
    for (const { widths } of programs) {
      // pdfkit writes W as [0 [w0 w1 …]]: one width per glyph id, from 0, with no gap.
      const list = widths?.lookup(1, PDFArray);
      expect(list?.size()).toBeGreaterThan([...BODY_SUBSET_SEED].length);
      expect(list?.asArray().every((width) => width instanceof PDFNumber)).toBe(true);
    }
  }, 60_000);

  it("make two parts printing different text of seeded characters only embed the very same program", async () => {
    const doc = makeBriefingDoc({ scale: 6, sourceCount: 20 });
    const plans = planParts(doc);
    const seededOnly = (index: number) =>
      [...JSON.stringify(partInput(doc, plans[index]))].every((c) => BODY_SUBSET_SEED.includes(c));
    const topicParts = plans.flatMap((plan, index) =>
      plan.slices.some((s) => s.entry.id.startsWith("topic-")) && seededOnly(index) ? [index] : [],
    );
    expect(topicParts.length).toBeGreaterThanOrEqual(2);
    const renderTwo = () => renderParts(topicParts.slice(0, 2).map((index) => partInput(doc, plans[index])));
    const programsOf = async (parts: Uint8Array[]) =>
      Promise.all(parts.map(async (part) => (await fontPrograms(part)).filter(bodyFace).map((p) => p.digest)));

    const [first, second] = await programsOf(await renderTwo());
    expect(first).toHaveLength(1);
    expect(second).toEqual(first);
    // Without seeds each part numbers the glyphs it draws in its own order: two programs.
    const [plainFirst, plainSecond] = await without(SEEDED, async () => programsOf(await renderTwo()));
    expect(plainSecond).not.toEqual(plainFirst);
  }, 60_000);
});

describe("the assembly", () => {
  it("keeps one copy of each font program, shared by the parts' fonts", async () => {
    const doc = makeBriefingDoc({ scale: 6, sourceCount: 20 });
    expect(planParts(doc).length).toBeGreaterThan(3);
    const programs = await fontPrograms(await renderBriefingPdf(doc));
    const streams = new Set(programs.map((p) => p.stream.toString()));
    const digests = new Set(programs.map((p) => p.digest));
    expect(streams.size).toBe(digests.size);
    // The body face's fonts of several parts point at one stream.
    expect(programs.filter(bodyFace).length).toBeGreaterThan(
      new Set(programs.filter(bodyFace).map((p) => p.stream.toString())).size,
    );
  }, 60_000);
});

describe("remembered subset encodings", () => {
  const font = fontkit.create(fs.readFileSync(dejavuFontPath("DejaVuSans.ttf"))) as unknown as {
    glyphForCodePoint(code: number): { id: number };
    createSubset(): { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  };
  const encodeText = (text: string) => {
    const subset = font.createSubset();
    for (const character of text) subset.includeGlyph(font.glyphForCodePoint(character.codePointAt(0)!).id);
    const bytes = Buffer.from(subset.encode());
    return { bytes, glyphs: [...subset.glyphs] };
  };

  it("are fontkit's own encoding, and leave the subset with the composites' components as fontkit does", async () => {
    // é and Ç are composites: encoding appends their components to the glyph list.
    const text = "Café Çà";
    const fontkitOwn = await without(MEMO, async () => encodeText(text));
    const first = encodeText(text);
    const remembered = encodeText(text);
    expect(first).toEqual(fontkitOwn);
    expect(remembered).toEqual(fontkitOwn);
    expect(fontkitOwn.glyphs.length).toBeGreaterThan(new Set(text).size + 1);
  });

  it("are turned off when encoding the same glyphs twice gives different bytes", () => {
    let calls = 0;
    const subsetClass = {
      includeGlyph(this: { glyphs: number[] }, id: number) {
        this.glyphs.push(id);
        return this.glyphs.length - 1;
      },
      encode: () => new Uint8Array([calls++]),
    };
    const standIn = {
      createSubset() {
        return Object.assign(Object.create(subsetClass) as object, { font: standIn, glyphs: [0] });
      },
    };
    const patch = fontkitSubsetMemo(standIn, () => ({ finalize() {}, compress: true, buffer: [], data: {} }));
    expect(patch.check()).toMatch(/different bytes/);
  });
});

describe("the seeding patch's check", () => {
  it("turns it off when pdfkit's embedded font no longer keeps widths by glyph", () => {
    const real = fontkit.create(fs.readFileSync(dejavuFontPath("DejaVuSans.ttf")));
    const embeddedWithoutWidths = Object.create({ embed() {} }) as object;
    Object.assign(embeddedWithoutWidths, { font: real, subset: { glyphs: [0] }, unicode: [], scale: 1 });
    const patch = pdfkitSeededSubset(real, () => embeddedWithoutWidths, new Map([["DejaVuSans", "abc"]]));
    expect(patch.check()).toMatch(/widths/);
  });
});

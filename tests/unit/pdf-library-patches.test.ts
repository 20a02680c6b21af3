import fs from "node:fs";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BriefingDocument } from "@/lib/briefing/document";
import { log } from "@/lib/log";
import { dejavuFontPath } from "@/lib/pdf/fonts";
import {
  activeLibraryPatches,
  applyLibraryPatches,
  installLibraryPatches,
  BYTE_KEEPING_PATCH_NAMES,
  LIBRARY_PATCH_NAMES,
  libraryPatchesFor,
  libraryPatchStates,
  libraryPatchUses,
  switchLibraryPatches,
} from "@/lib/pdf/library-patches";
import { fontkitLayoutWordCache, layoutWithoutWordCache } from "@/lib/pdf/library-patches/fontkit-layout-word-cache";
import { fontkitUnitsPerEmMemo } from "@/lib/pdf/library-patches/fontkit-units-per-em-memo";
import type { LibraryPatch } from "@/lib/pdf/library-patches/library-patch";
import { pdfkitFontReuse, type PdfkitDocumentClass } from "@/lib/pdf/library-patches/pdfkit-font-reuse";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { makeBriefingDoc, SCRIPT_PROBE, UNICODE_PROBE } from "../helpers/briefing-doc";
import { differences, renderForComparison as render, type Rendered } from "../helpers/pdf-compare";

interface Shaped {
  glyphs: { id: number }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}

applyLibraryPatches(dejavuFontPath("DejaVuSans.ttf"));
type ShapingFont = object & {
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: string): Shaped;
};
const fonts = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"].map(
  (file) => fontkit.create(fs.readFileSync(dejavuFontPath(file))) as ShapingFont,
);
/** Shaped the way react-pdf's textkit asks: direction forced to 'ltr', nothing else. */
const shapeAsTextkit = (font: ShapingFont, text: string) => font.layout(text, undefined, undefined, undefined, "ltr");

const CORPUS = [
  UNICODE_PROBE,
  SCRIPT_PROBE,
  "The two sides agreed to deepen cooperation on sustainable raw materials, batteries and renewable hydrogen.",
  "Касым-Жомарт Токаев провёл переговоры с Председателем Европейского совета в Астане.",
  "office  affluent — “fi” ligatures, double  spaces,\ttabs and a trailing space ",
  "AV Ta We Yo: kerning pairs inside words",
  "2024: Astana — Астана «Kazakhstan» ‘AV’ “Yo”",
  "Встреча в Брюсселе: “AV Ta” «Kazakhstan»",
  // U+FB01 is the glyph DejaVu's "fi" ligature also produces; fontkit shares one Glyph per id.
  "profit fine \uFB01nance margin office",
  "\uFB01nance x profit margin",
  "warning \u26A0\uFE0F x \u26A0 y",
  "שלום עולם and مرحبا بالعالم",
  "",
];

describe("word shaping cache", () => {
  it("shapes every text to the glyphs fontkit gives, with the same advances", () => {
    for (const font of fonts) {
      // Twice, in both orders: what one text leaves in the cache must not change another's.
      for (const text of [...CORPUS, ...[...CORPUS].reverse()]) {
        const cached = shapeAsTextkit(font, text);
        const direct = layoutWithoutWordCache(font, text) as Shaped;
        expect(
          cached.glyphs.map((g) => g.id),
          text,
        ).toEqual(direct.glyphs.map((g) => g.id));
        // Exactly: kerning across spaces and script-dependent kerning included.
        const advances = (run: Shaped) => run.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]);
        expect(advances(cached), text).toEqual(advances(direct));
        expect(cached.advanceWidth, text).toBe(direct.advanceWidth);
      }
    }
  });

  it("hands out fresh positions each time, since pdfkit and textkit scale them in place", () => {
    const [font] = fonts;
    const first = shapeAsTextkit(font, "Astana Astana");
    first.positions[0].xAdvance = -1;
    expect(shapeAsTextkit(font, "Astana Astana").positions[0].xAdvance).toBeGreaterThan(0);
  });

  it("leaves pdfkit's own text layout intact (it reads the run's advance width)", async () => {
    const pdf = new PDFDocument({ size: "A4", margin: 56, bufferPages: true });
    pdf.on("data", () => undefined);
    pdf.registerFont("body", dejavuFontPath("DejaVuSans.ttf"));
    pdf.font("body").fontSize(10);
    for (let i = 0; i < 40; i++) pdf.text(CORPUS[2], { lineGap: 3, paragraphGap: 5 });
    // 40 two-line paragraphs of 10 pt text fit on one A4 page and a bit: not one page each.
    expect(pdf.bufferedPageRange().count).toBe(2);
    pdf.end();
  });

  it("applies to the fontkit and pdfkit react-pdf itself renders with", async () => {
    const before = libraryPatchUses();
    await renderBriefingPdf(makeBriefingDoc());
    const after = libraryPatchUses();
    for (const name of LIBRARY_PATCH_NAMES) expect(after[name], name).toBeGreaterThan(before[name] ?? 0);
  }, 30_000);
});

describe("the start-up checks", () => {
  const sample = fonts[0];
  afterEach(() => vi.restoreAllMocks());

  it("pass on the fontkit and pdfkit installed, so every patch is on", () => {
    expect(libraryPatchStates()).toEqual(LIBRARY_PATCH_NAMES.map((name) => ({ name, active: true, problem: null })));
    expect(activeLibraryPatches()).toEqual([...LIBRARY_PATCH_NAMES]);
    // Against the libraries' own code too, not only the already patched prototypes.
    switchLibraryPatches(false);
    try {
      const checked = libraryPatchesFor(sample);
      expect(checked.map((patch) => patch.name)).toEqual([...LIBRARY_PATCH_NAMES]);
      for (const patch of checked) expect(patch.check(), patch.name).toBeNull();
    } finally {
      switchLibraryPatches(true);
    }
  });

  /** Stand-ins for a later fontkit or pdfkit, each differing from today's in one respect. */
  class FontWithoutRenumbering extends PDFDocument {
    // Finds the font it already has without numbering a new one: the patch would shift the names.
    font(src: unknown, family?: unknown, size?: number) {
      const self = this as unknown as { _fontCount: number };
      const count = self._fontCount;
      super.font(src, family, size);
      self._fontCount = count;
      return this;
    }
  }
  class FontWithoutLookup extends PDFDocument {
    // Embeds the font afresh on every call: the embedded font the patch hands out would be stale.
    font(src: unknown, family?: unknown, size?: number) {
      super.font(src, family, size);
      const self = this as unknown as { _font: object };
      self._font = Object.create(self._font) as object;
      return this;
    }
  }
  class FontWithTwoParameters extends PDFDocument {
    font(src: unknown, family?: unknown) {
      return super.font(src, family);
    }
  }
  /** A font object of a stand-in fontkit whose font class has these members. */
  const fontkitLike = (proto: object) => Object.create(proto) as object;
  /** A layout(string, features, script, language, direction) that answers `result`. */
  const layoutGiving = (result: unknown) => ({
    layout: (_s: unknown, _f: unknown, _sc: unknown, _l: unknown, _d: unknown) => result,
  });
  const run = {
    glyphs: [{ id: 1 }],
    positions: [{ xAdvance: 5, yAdvance: 0, xOffset: 0, yOffset: 0 }],
    advanceWidth: 5,
  };
  const changed: [string, LibraryPatch, RegExp][] = [
    [
      "pdfkit's font() no longer numbers each call",
      pdfkitFontReuse(FontWithoutRenumbering as unknown as PdfkitDocumentClass, sample),
      /_fontCount/,
    ],
    [
      "pdfkit's font() embeds a font afresh each call",
      pdfkitFontReuse(FontWithoutLookup as unknown as PdfkitDocumentClass, sample),
      /no longer finds/,
    ],
    [
      "pdfkit's font() lost its size parameter",
      pdfkitFontReuse(FontWithTwoParameters as unknown as PdfkitDocumentClass, sample),
      /takes 2 parameters/,
    ],
    [
      "fontkit's layout() has fewer parameters",
      fontkitLayoutWordCache(fontkitLike({ layout: (text: string) => text })),
      /takes 1 parameters/,
    ],
    ["fontkit's runs no longer say their script", fontkitLayoutWordCache(fontkitLike(layoutGiving(run))), /script/],
    [
      "fontkit's runs lost their positions' offsets",
      fontkitLayoutWordCache(fontkitLike(layoutGiving({ ...run, script: "latn", positions: [{ xAdvance: 5 }] }))),
      /xOffset/,
    ],
    [
      "fontkit's unitsPerEm became a plain field",
      fontkitUnitsPerEmMemo(fontkitLike({ unitsPerEm: 2048, head: { unitsPerEm: 2048 } })),
      /getter/,
    ],
    [
      "fontkit's unitsPerEm no longer reads the head table",
      fontkitUnitsPerEmMemo(
        fontkitLike(
          Object.defineProperties(
            {},
            { unitsPerEm: { get: () => 1000, configurable: true }, head: { value: { unitsPerEm: 2048 } } },
          ),
        ),
      ),
      /head table/,
    ],
  ];

  it.each(changed)("turn a patch off, with one warning, when %s", (_what, patch, problem) => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const apply = vi.spyOn(patch, "apply");
    const [state] = installLibraryPatches([patch]);
    expect(state).toMatchObject({ name: patch.name, active: false, problem: expect.stringMatching(problem) });
    expect(apply).not.toHaveBeenCalled();
    expect(patch.applied()).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatchObject({ libraryPatch: patch.name, problem: state.problem });
    // Once per patch: a thread that installs again says nothing new.
    installLibraryPatches([patch]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("turn a patch off when its check throws, and leave the others on", () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const throwing: LibraryPatch = {
      ...fontkitLayoutWordCache(fontkitLike({})),
      name: "fontkit-units-per-em-memo",
      check: () => {
        throw new Error("internals moved");
      },
      applied: () => false,
    };
    const fine: LibraryPatch = { ...throwing, name: "pdfkit-font-reuse", check: () => null, apply: vi.fn() };
    const states = installLibraryPatches([throwing, fine]);
    expect(states).toEqual([
      { name: "fontkit-units-per-em-memo", active: false, problem: "its check threw: internals moved" },
      { name: "pdfkit-font-reuse", active: true, problem: null },
    ]);
    expect(fine.apply).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

/**
 * A briefing long enough to be rendered in two parts, a draft (watermark), with the shaping
 * corpus above as facts: kerning across spaces, ligatures, Cyrillic runs with Latin words,
 * right-to-left text, in regular, bold and italic.
 */
function patchProbeDoc(): BriefingDocument {
  const doc = makeBriefingDoc({ scale: 6, sourceCount: 20 });
  doc.sections[0].facts.forEach((fact, i) => {
    if (CORPUS[i]) fact.text = CORPUS[i];
  });
  doc.keyMessages.push(...CORPUS.slice(4, 8));
  return doc;
}

describe("a whole briefing PDF with and without the library patches", () => {
  it("is the same file, byte for byte, whether the caches are cold or warm", async () => {
    const doc = patchProbeDoc();
    const uses = () => libraryPatchUses();
    // Seeded subsets number glyphs differently on purpose (pdf-font-subsets.test.ts), and Node's
    // zlib deflates to other bytes than pako (pdf-native-deflate.test.ts): off here.
    const changingBytes = LIBRARY_PATCH_NAMES.filter((name) => !BYTE_KEEPING_PATCH_NAMES.includes(name));

    switchLibraryPatches(false);
    let without: Rendered;
    let cold: Rendered;
    let warm: Rendered;
    try {
      expect(activeLibraryPatches()).toEqual([]);
      const before = uses();
      without = await render(doc);
      // Rendered by the libraries' own code: no patch answered a call.
      expect(uses()).toEqual(before);

      switchLibraryPatches(true, BYTE_KEEPING_PATCH_NAMES);
      expect(activeLibraryPatches()).toEqual([...BYTE_KEEPING_PATCH_NAMES]);
      // The word cache is per font object, and react-pdf keeps its fonts: the first patched
      // render fills it, the second is served from it (where reused positions would show).
      const beforeCold = uses();
      cold = await render(doc);
      const middle = uses();
      warm = await render(doc);
      const after = uses();
      for (const name of BYTE_KEEPING_PATCH_NAMES) {
        expect(middle[name], name).toBeGreaterThan(beforeCold[name] ?? 0);
        expect(after[name], name).toBeGreaterThan(middle[name] ?? 0);
      }
    } finally {
      switchLibraryPatches(true);
    }
    expect(activeLibraryPatches()).toEqual([...LIBRARY_PATCH_NAMES]);
    expect(changingBytes).toEqual(["pdfkit-seeded-subset", "pdf-lib-native-deflate"]);

    expect(without.pages.length).toBeGreaterThan(10);
    expect(without.pages.join("\n")).toContain(CORPUS[6]);
    expect(differences(without, cold)).toEqual([]);
    expect(differences(without, warm)).toEqual([]);
  }, 60_000);

  it("notices a patch that changes the drawing by a kerning pair", async () => {
    // A layout that forgets kerning, as a word cache that shaped words without the letter
    // after them would: the comparison above must not pass it.
    const doc = patchProbeDoc();
    const proto = Object.getPrototypeOf(fonts[0]) as { layout: (this: object, ...args: unknown[]) => Shaped };
    const layout = proto.layout;
    const reference = await render(doc);
    proto.layout = function unkerned(this: object, ...args: unknown[]) {
      const run = layout.apply(this, args);
      run.glyphs.forEach((glyph, i) => {
        run.positions[i].xAdvance = (glyph as { advanceWidth?: number }).advanceWidth ?? run.positions[i].xAdvance;
      });
      return run;
    };
    let changed: Rendered;
    try {
      changed = await render(doc);
    } finally {
      proto.layout = layout;
    }
    expect(differences(reference, changed)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^words sit elsewhere/), expect.stringMatching(/^bytes differ/)]),
    );
  }, 60_000);
});

/**
 * Lays out the same paragraphs with two builds of @react-pdf/textkit and prints, as JSON, how
 * many it laid out and the first that came out different: `node textkit-compare.mjs A B`, where
 * A and B are the files of the two builds (ES modules whose bare imports resolve from where
 * they lie). Run by tests/unit/pdf-textkit-patch.test.ts in a process of its own, so each build
 * is a plain Node module and neither is the one react-pdf already loaded.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as fontkit from "fontkit";

const require = createRequire(import.meta.url);
// As dejavuFontPath in lib/pdf/fonts.ts: this script runs under plain Node, which cannot import it.
const ttf = (file) => path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf", file);
const regular = fontkit.create(fs.readFileSync(ttf("DejaVuSans.ttf")));
const bold = fontkit.create(fs.readFileSync(ttf("DejaVuSans-Bold.ttf")));
// Faces with less coverage: no Cyrillic, Hebrew or Arabic; Cyrillic but no Hebrew or Arabic.
// Where a run's fonts lack a character, textkit falls back to the previous run's font.
const math = fontkit.create(fs.readFileSync(ttf("DejaVuMathTeXGyre.ttf")));
const light = fontkit.create(fs.readFileSync(ttf("DejaVuSans-ExtraLight.ttf")));
const STACKS = [[regular], [bold], [bold, regular], [math], [math, light], [light]];

// Words that take the patched paths and the ones around them: plain Latin and Cyrillic, words
// with ligatures (their glyphs cut where a run or line ends inside them), no-break spaces (the
// citation blanks), characters no font of the stack has; then right-to-left words, Arabic
// digits and direction marks (the bidi algorithm the patch skips for paragraphs without them).
const LEFT_TO_RIGHT = [
  ...["the", "two", "sides", "agreed", "to", "deepen", "cooperation", "on", "raw", "materials"],
  ...["office", "affine", "fluffy", "efficient", "waffle", "flow", "fjord", "ﬁnal"],
  ...["Казахстан", "«Astana»", "“quoted”", "–", "—", "2025", "3.5%", "EUR", "105", "(about)", "[12]"],
  ...["\u00a0\u00a0\u00a0\u00a0", "\u00a0", "Page\u00a012"],
  // Characters DejaVu Sans lacks (the font stack's fallback), one outside the 16-bit plane.
  ...["中文", "\u{1F600}", "x\u{1D400}y"],
];
const HEBREW = ["שלום", "עולם"];
const OTHER_RIGHT_TO_LEFT = ["مرحبا", "١٢٣", "\u200f", "\u200e", "\u202b", "\u202c", "\u2067x\u2069"];

// mulberry32: the same paragraphs on every run.
let seed = 7;
const random = (n) => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) % n;
};

/** Mostly left-to-right paragraphs; a fifth with Hebrew, a tenth with any right-to-left text. */
function paragraph() {
  const kind = random(10);
  const words =
    kind < 7
      ? LEFT_TO_RIGHT
      : kind < 9
        ? [...LEFT_TO_RIGHT, ...HEBREW]
        : [...LEFT_TO_RIGHT, ...HEBREW, ...OTHER_RIGHT_TO_LEFT];
  const fragments = Array.from({ length: 1 + random(4) }, () => ({
    string:
      Array.from({ length: 1 + random(14) }, () => words[random(words.length)]).join(random(6) === 0 ? "" : " ") +
      (random(3) === 0 ? " " : ""),
    attributes: {
      font: STACKS[random(STACKS.length)],
      fontSize: [8, 9, 10, 11, 15][random(5)],
      color: "#1a1a1a",
      ...(random(12) === 0 ? { direction: "rtl" } : {}),
    },
  }));
  // Some paragraphs may break inside any word (one syllable per letter), so lines end inside ligatures.
  return { fragments, width: [30, 45, 80, 150, 300, 480][random(6)], syllables: random(3) === 0 };
}

/** A line's text, runs, glyph ids, positions and indices, fonts by name: what the PDF is made of. */
const plain = (value) =>
  JSON.stringify(value, (key, v) => {
    if (v && typeof v === "object" && typeof v.postscriptName === "string") return v.postscriptName;
    if (v && typeof v === "object" && "codePoints" in v && "id" in v) return { id: v.id, codePoints: v.codePoints };
    return v;
  });

async function layouts(file, cases) {
  const textkit = await import(pathToFileURL(file).href);
  const { default: layoutEngine, fromFragments, ...engines } = textkit;
  const engine = layoutEngine(engines);
  const shrinkWhitespaceFactor = { before: -0.5, after: -0.5 };
  const words = { hyphenationCallback: (word) => [word], shrinkWhitespaceFactor };
  const letters = { hyphenationCallback: (word) => [...word], shrinkWhitespaceFactor };
  return cases.map(({ fragments, width, syllables }) =>
    plain(engine(fromFragments(fragments), { x: 0, y: 0, width, height: Infinity }, syllables ? letters : words)),
  );
}

const cases = Array.from({ length: 600 }, paragraph);
const [a, b] = await Promise.all([layouts(process.argv[2], cases), layouts(process.argv[3], cases)]);
const differs = a.findIndex((out, i) => out !== b[i]);
const lines = a.reduce((sum, out) => sum + (out.match(/"string":/g)?.length ?? 0), 0);
console.log(
  JSON.stringify({
    paragraphs: cases.length,
    lines,
    rightToLeft: cases.filter((c) => c.fragments.some((f) => /[\u0590-\u08ff\u200e\u200f\u202b\u2067]/.test(f.string)))
      .length,
    differs:
      differs === -1
        ? null
        : {
            text: cases[differs].fragments.map((f) => f.string),
            a: a[differs].slice(0, 300),
            b: b[differs].slice(0, 300),
          },
  }),
);

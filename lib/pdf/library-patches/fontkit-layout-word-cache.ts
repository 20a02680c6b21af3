import { originalMethod, propertyPatches, wrapMethod, type LibraryPatch } from "./library-patch";

/**
 * Patches fontkit's `TTFFont.prototype.layout`: a word-level cache in front of its OpenType
 * shaping.
 *
 * Why: react-pdf shapes every text run whole, through fontkit's GSUB/GPOS machinery, and that
 * was the largest single cost of a render (about a fifth of it). Prose repeats its words, so
 * shaping each word once per thread and concatenating the results is much cheaper. pdfkit,
 * react-pdf's own writer, caches its text layout per word for the same reason
 * (EmbeddedFont.layoutCached). Splitting after whitespace keeps every word, with its
 * ligatures and joining, shaped as one piece; each is shaped with the next word's first
 * letter after it, so kerning across the space is kept too (see shapeWord).
 *
 * The cache sits on the font class's prototype (one fontkit instance serves react-pdf and
 * pdfkit), keyed per font object, and only serves calls without explicit OpenType features
 * or script, i.e. the calls react-pdf's textkit makes.
 */

interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface GlyphRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  readonly advanceWidth: number;
}

/**
 * What fontkit's GlyphRun offers its callers: glyphs, positions, and the advance width summed
 * on demand — pdfkit scales the positions in place and reads the width afterwards.
 */
class CachedGlyphRun implements GlyphRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: GlyphPosition[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}
type LayoutFn = (this: object, string: unknown, ...rest: unknown[]) => GlyphRun;

const WORD = /\S+\s*|\s+/g;
/** A character with a script of its own: fontkit gives a whole run the script of the first one. */
const STRONG = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const MAX_WORDS_PER_FONT = 50_000;
/** fontkit's tag for text of no known script. */
const UNKNOWN_SCRIPT = "zzzz";

const caches = new WeakMap<object, Map<string, GlyphRun>>();
/** Words served from the cache in this thread: the patch's uses(). */
let hits = 0;

/**
 * Only the calls textkit makes are cached: no OpenType features, script or language, and
 * direction 'ltr' given explicitly. Without it fontkit reverses right-to-left scripts itself
 * (pdfkit's own text path), and a word's glyphs would no longer come first.
 */
function isCacheable(rest: unknown[]): boolean {
  const [features, script, language, direction] = rest;
  const noFeatures = features === undefined || (Array.isArray(features) && features.length === 0);
  return noFeatures && script == null && language == null && direction === "ltr";
}

function wordCache(font: object): Map<string, GlyphRun> {
  let cache = caches.get(font);
  if (!cache) caches.set(font, (cache = new Map()));
  // A long-lived thread sees an open-ended vocabulary: start over rather than grow forever.
  if (cache.size > MAX_WORDS_PER_FONT) cache.clear();
  return cache;
}

/** Fresh position objects: callers (pdfkit, textkit's justification) scale them in place. */
function appendRun(glyphs: Glyph[], positions: GlyphPosition[], run: GlyphRun): void {
  for (const glyph of run.glyphs) glyphs.push(glyph);
  for (const p of run.positions)
    positions.push({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset });
}

/**
 * Shapes `word` followed by the first character of the next word, and keeps the glyphs of
 * `word` only: pair kerning between a space and the letter after it (DejaVu has some, around
 * quotes and capitals) lands on the space's advance, exactly as when the whole run is shaped.
 * Which glyphs are the word's is learned by shaping it alone, not from glyph.codePoints
 * (fontkit shares one Glyph per id, so those are whatever text first produced it). Null when
 * the lookahead changed the word's glyphs (a ligature across the boundary): not cacheable.
 */
function shapeWord(original: LayoutFn, font: object, word: string, next: string, rest: unknown[]): GlyphRun | null {
  const alone = original.call(font, word, ...rest);
  const shaped = next === "" ? alone : original.call(font, word + next, ...rest);
  const count = alone.glyphs.length;
  if (shaped.glyphs.length < count || alone.glyphs.some((glyph, i) => shaped.glyphs[i].id !== glyph.id)) return null;
  const positions = shaped.positions
    .slice(0, count)
    .map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
  return new CachedGlyphRun(shaped.glyphs.slice(0, count), positions);
}

/**
 * The script fontkit would pick for the whole of `text` (it shapes, and kerns, by script: a
 * Latin word inside a run that starts in Cyrillic is kerned as Cyrillic). Shaping the first
 * strong character alone tells it; words are then shaped with that script given explicitly.
 */
function runScript(original: LayoutFn, font: object, text: string): string | null | undefined {
  const strong = STRONG.exec(text)?.[0];
  if (!strong) return undefined;
  const scripts = wordCache(font);
  const key = `\u0001${strong}`;
  let known = scripts.get(key);
  if (!known) scripts.set(key, (known = original.call(font, strong)));
  const script = (known as GlyphRun & { script?: string }).script;
  // fontkit's Unicode data may not know a character this engine's does: let fontkit decide.
  return script === UNKNOWN_SCRIPT ? null : script;
}

function cachedLayout(original: LayoutFn): LayoutFn {
  return function layout(this: object, string: unknown, ...givenRest: unknown[]): GlyphRun {
    if (typeof string !== "string" || !isCacheable(givenRest)) return original.call(this, string, ...givenRest);
    const cache = wordCache(this);
    const script = runScript(original, this, string);
    if (script === null) return original.call(this, string, ...givenRest);
    const rest = [givenRest[0], script, givenRest[2], givenRest[3]];
    const words = string.match(WORD) ?? [];
    const glyphs: Glyph[] = [];
    const positions: GlyphPosition[] = [];
    for (let i = 0; i < words.length; i++) {
      const next = words[i + 1]?.codePointAt(0);
      const lookahead = next === undefined ? "" : String.fromCodePoint(next);
      const key = `${script ?? ""}\u0000${lookahead}\u0000${words[i]}`;
      let run = cache.get(key);
      if (run) hits += 1;
      else {
        const shaped = shapeWord(original, this, words[i], lookahead, rest);
        if (!shaped) return original.call(this, string, ...givenRest);
        cache.set(key, (run = shaped));
      }
      appendRun(glyphs, positions, run);
    }
    return new CachedGlyphRun(glyphs, positions);
  };
}

const isNumber = (value: unknown) => typeof value === "number" && Number.isFinite(value);

/**
 * What the cache relies on, tried on a sample font: layout(string, features, script, language,
 * direction) exists; a run has glyphs with ids, as many positions with numeric advances and
 * offsets, the script it was shaped as, and an advance width that is the sum of the positions'.
 */
function check(proto: Record<string | symbol, unknown>, sampleFont: object): string | null {
  const layout = proto.layout;
  if (typeof layout !== "function") return "fontkit's font has no layout method";
  if (layout.length !== 5)
    return `fontkit's layout takes ${layout.length} parameters, not 5 (string, features, script, language, direction)`;
  const run = (layout as LayoutFn).call(sampleFont, "AV Ta", undefined, undefined, undefined, "ltr") as Partial<
    GlyphRun & { script: unknown }
  >;
  const { glyphs, positions } = run;
  if (!Array.isArray(glyphs) || !Array.isArray(positions) || glyphs.length === 0 || glyphs.length !== positions.length)
    return "layout() no longer returns a run with as many glyphs as positions";
  if (!glyphs.every((glyph) => isNumber(glyph?.id))) return "a laid-out glyph has no numeric id";
  const fields = ["xAdvance", "yAdvance", "xOffset", "yOffset"] as const;
  if (!positions.every((p) => fields.every((field) => isNumber(p?.[field]))))
    return "a glyph position lacks a numeric xAdvance, yAdvance, xOffset or yOffset";
  if (typeof run.script !== "string") return "a run no longer says the script it was shaped as";
  if (run.advanceWidth !== positions.reduce((sum, p) => sum + p.xAdvance, 0))
    return "a run's advanceWidth is no longer the sum of its positions' xAdvance";
  return null;
}

/**
 * The cache on the prototype every TrueType font object fontkit creates shares (one fontkit
 * instance serves react-pdf and pdfkit), reached through `sampleFont`, any font it created.
 */
export function fontkitLayoutWordCache(sampleFont: object): LibraryPatch {
  const proto = Object.getPrototypeOf(sampleFont) as Record<string | symbol, unknown>;
  return {
    name: "fontkit-layout-word-cache",
    check: () => check(proto, sampleFont),
    ...propertyPatches("fontkit-layout-word-cache", [wrapMethod(proto, "layout", cachedLayout)]),
    uses: () => hits,
  };
}

/** fontkit's own shaping as textkit calls it, bypassing the cache: what tests compare against. */
export function layoutWithoutWordCache(font: object, text: string): GlyphRun {
  const original = originalMethod("fontkit-layout-word-cache", Object.getPrototypeOf(font), "layout") as
    LayoutFn | undefined;
  if (typeof original !== "function") throw new Error("Not a fontkit font: it has no layout method");
  return original.call(font, text, undefined, undefined, undefined, "ltr");
}

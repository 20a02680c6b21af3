import { propertyPatches, type LibraryPatch } from "./library-patch";

/**
 * Patches fontkit's `TTFFont.prototype.unitsPerEm` getter: remembers each font's value.
 * react-pdf's textkit reads unitsPerEm for every glyph it scales, and fontkit's getter reads
 * it from the font's head table each time. The head table of a font object never changes, so
 * the first answer is every answer.
 */

let memoised = 0;

/**
 * What the memo relies on: unitsPerEm is a configurable getter on the prototype (so it can be
 * replaced and put back), and on a sample font it answers the head table's positive number.
 */
function check(proto: object, sampleFont: object): string | null {
  const descriptor = Object.getOwnPropertyDescriptor(proto, "unitsPerEm");
  if (typeof descriptor?.get !== "function") return "fontkit's font has no unitsPerEm getter on its prototype";
  if (!descriptor.configurable) return "fontkit's unitsPerEm getter cannot be replaced";
  const value: unknown = descriptor.get.call(sampleFont);
  const head = (sampleFont as { head?: { unitsPerEm?: unknown } }).head;
  if (typeof value !== "number" || !(value > 0)) return "unitsPerEm is not a positive number";
  if (head?.unitsPerEm !== value) return "unitsPerEm is no longer the head table's value";
  return null;
}

/** The memo on the prototype every TrueType font object fontkit creates shares. */
export function fontkitUnitsPerEmMemo(sampleFont: object): LibraryPatch {
  const proto = Object.getPrototypeOf(sampleFont) as object;
  const memoGetter = (original: PropertyDescriptor): PropertyDescriptor => {
    const read = original.get as (this: object) => number;
    const memo = new WeakMap<object, number>();
    return {
      enumerable: original.enumerable,
      get(this: object) {
        let value = memo.get(this);
        if (value === undefined) memo.set(this, (value = read.call(this)));
        else memoised += 1;
        return value;
      },
    };
  };
  return {
    name: "fontkit-units-per-em-memo",
    check: () => check(proto, sampleFont),
    ...propertyPatches("fontkit-units-per-em-memo", [{ on: proto, property: "unitsPerEm", replace: memoGetter }]),
    uses: () => memoised,
  };
}

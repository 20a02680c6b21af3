/**
 * What a library patch is. Each file beside this one patches one piece of fontkit's or
 * pdfkit's internals (or the deflate pdf-lib calls) to make the PDF faster to make without
 * changing what it shows, and is named after that patch. All but two leave the PDF's bytes as
 * they were; pdfkit-seeded-subset changes how the font subsets are numbered, and
 * pdf-lib-native-deflate how the final PDF's streams are compressed (not the pages, text or
 * fonts). No library is imported here, so the pool's owner thread can read which patches its
 * render threads applied without loading fontkit or pdfkit.
 */

/** Every patch, by the name of its file (and in the order of the status bits below). */
export const LIBRARY_PATCH_NAMES = [
  "fontkit-layout-word-cache",
  "fontkit-units-per-em-memo",
  "pdfkit-font-reuse",
  "fontkit-subset-memo",
  "pdfkit-seeded-subset",
  "pdf-lib-native-deflate",
] as const;
export type LibraryPatchName = (typeof LIBRARY_PATCH_NAMES)[number];

/** The patches after which a PDF is the same file, byte for byte, as without them. */
export const BYTE_KEEPING_PATCH_NAMES: readonly LibraryPatchName[] = LIBRARY_PATCH_NAMES.filter(
  (name) => name !== "pdfkit-seeded-subset" && name !== "pdf-lib-native-deflate",
);

export interface LibraryPatch {
  readonly name: LibraryPatchName;
  /**
   * Whether the loaded library still looks as the patch expects: the methods and fields it
   * wraps or sets, with their shape, and the behaviour it relies on, tried on a sample.
   * Null when it does; otherwise what differs, in words for the log.
   */
  check(): string | null;
  /** Wraps the library's code. Only after check() returned null; idempotent. */
  apply(): void;
  /** Puts the library's own code back (the test that renders with and without the patches). */
  remove(): void;
  /** Applied in this thread, by this module or another copy of it. */
  applied(): boolean;
  /**
   * Calls the patch has answered in this thread. It only grows if react-pdf renders with the
   * library copy that was patched, so a probe can tell that the patch really applies.
   */
  uses(): number;
}

const REPORTED = 1 << 30;

/** The active patches as an integer a render thread stores in shared memory (pool-threads.ts). */
export function encodeActivePatches(active: readonly LibraryPatchName[]): number {
  return LIBRARY_PATCH_NAMES.reduce((bits, name, i) => (active.includes(name) ? bits | (1 << i) : bits), REPORTED);
}

/** The names encodeActivePatches stored; null when no thread has stored any yet. */
export function decodeActivePatches(bits: number): LibraryPatchName[] | null {
  if ((bits & REPORTED) === 0) return null;
  return LIBRARY_PATCH_NAMES.filter((_, i) => (bits & (1 << i)) !== 0);
}

/** One property of a library's prototype that a patch replaces, and what with. */
export interface PropertyPatch {
  /** The prototype (or class) that owns the property. */
  on: object;
  property: string;
  /** The replacement, made from the library's own descriptor of the property. */
  replace(original: PropertyDescriptor): PropertyDescriptor;
}

/** A method replaced by `wrap(the library's method)`, as a PropertyPatch. */
export function wrapMethod<F extends (...args: never[]) => unknown>(
  on: object,
  property: string,
  wrap: (original: F) => F,
): PropertyPatch {
  return { on, property, replace: (original) => ({ ...original, value: wrap(original.value as F) }) };
}

type Holder = Record<symbol, unknown>;

/** Where a patch keeps the library's own descriptor of a property it replaced. */
const kept = (name: LibraryPatchName, property: string) => Symbol.for(`chancery.${name}.${property}`);

/** The library's own method `property` of `on`, whether patch `name` has replaced it or not. */
export function originalMethod(name: LibraryPatchName, on: object, property: string): unknown {
  const own = (on as Holder)[kept(name, property)] as PropertyDescriptor | null | undefined;
  if (own === undefined) return (on as Record<string, unknown>)[property];
  // null: the property was inherited, so the prototype had none of its own.
  return own ? own.value : (Object.getPrototypeOf(on) as Record<string, unknown> | null)?.[property];
}

/**
 * The apply, remove and applied of a LibraryPatch that replaces `properties`. The library's
 * own descriptors are kept on the prototypes under registered symbols, and the first prototype
 * is marked, so another copy of a patch module (a second bundle in the same thread) sees the
 * patch applied and does not wrap the library twice.
 */
export function propertyPatches(name: LibraryPatchName, properties: PropertyPatch[]) {
  const marker = Symbol.for(`chancery.${name}`);
  const keep = (property: string) => kept(name, property);
  const marked = properties[0].on as Holder;
  const applied = () => Object.hasOwn(marked, marker);
  return {
    apply(): void {
      if (applied()) return;
      // Descriptors first, then the replacements: one `replace` that throws leaves nothing half done.
      const originals = properties.map(({ on, property }) => {
        const own = Object.getOwnPropertyDescriptor(on, property);
        if (own) return { own, original: own };
        // Inherited: the prototype's own replacement shadows it, and removing the patch deletes that.
        const value = (on as Record<string, unknown>)[property];
        return { own, original: { value, writable: true, enumerable: false, configurable: true } };
      });
      const replacements = properties.map((patch, i) => patch.replace(originals[i].original));
      properties.forEach(({ on, property }, i) => {
        (on as Holder)[keep(property)] = originals[i].own ?? null;
        Object.defineProperty(on, property, { ...replacements[i], configurable: true });
      });
      marked[marker] = true;
    },
    remove(): void {
      if (!applied()) return;
      for (const { on, property } of properties) {
        const own = (on as Holder)[keep(property)] as PropertyDescriptor | null;
        // null: the property was inherited, so the prototype had none of its own.
        if (own) Object.defineProperty(on, property, own);
        else delete (on as Record<string, unknown>)[property];
        delete (on as Holder)[keep(property)];
      }
      delete marked[marker];
    },
    applied,
  };
}

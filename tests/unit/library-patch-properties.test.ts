import { describe, expect, it } from "vitest";
import { originalMethod, propertyPatches, wrapMethod } from "@/lib/pdf/library-patches/library-patch";

/** Stand-ins for a library's classes: a method, a getter, and a method inherited from a base. */
function library() {
  class Base {
    inherited() {
      return "base";
    }
  }
  class Font extends Base {
    layout(text: string) {
      return `laid out ${text}`;
    }
    get unitsPerEm() {
      return 2048;
    }
  }
  class Reference {
    finalize() {
      return "finalized";
    }
  }
  return { Base, Font, Reference };
}

const wrapped = (original: (this: unknown, text: string) => string) =>
  function (this: unknown, text: string) {
    return `[${original.call(this, text)}]`;
  };

describe("propertyPatches", () => {
  it("replaces every property on apply, and puts the library's own descriptors back on remove", () => {
    const { Font, Reference } = library();
    const before = [
      Object.getOwnPropertyDescriptor(Font.prototype, "layout"),
      Object.getOwnPropertyDescriptor(Font.prototype, "unitsPerEm"),
      Object.getOwnPropertyDescriptor(Reference.prototype, "finalize"),
    ];
    const patch = propertyPatches("fontkit-layout-word-cache", [
      wrapMethod(Font.prototype, "layout", wrapped),
      { on: Font.prototype, property: "unitsPerEm", replace: (own) => ({ ...own, get: () => 1000 }) },
      wrapMethod(Reference.prototype, "finalize", (finalize: () => string) => () => `${finalize()} twice`),
    ]);
    patch.apply();
    const font = new Font();
    expect([font.layout("Astana"), font.unitsPerEm, new Reference().finalize()]).toEqual([
      "[laid out Astana]",
      1000,
      "finalized twice",
    ]);
    expect(patch.applied()).toBe(true);
    // The method stays a class method: not enumerable, as the library defined it.
    expect(Object.keys(Font.prototype)).toEqual([]);
    patch.remove();
    expect(patch.applied()).toBe(false);
    expect([font.layout("Astana"), font.unitsPerEm, new Reference().finalize()]).toEqual([
      "laid out Astana",
      2048,
      "finalized",
    ]);
    expect([
      Object.getOwnPropertyDescriptor(Font.prototype, "layout"),
      Object.getOwnPropertyDescriptor(Font.prototype, "unitsPerEm"),
      Object.getOwnPropertyDescriptor(Reference.prototype, "finalize"),
    ]).toEqual(before);
    expect(Object.getOwnPropertySymbols(Font.prototype)).toEqual([]);
  });

  it("wraps the library once, though a second copy of the patch applies it again", () => {
    const { Font } = library();
    const copy = () => propertyPatches("fontkit-layout-word-cache", [wrapMethod(Font.prototype, "layout", wrapped)]);
    copy().apply();
    const second = copy();
    expect(second.applied()).toBe(true);
    second.apply();
    expect(new Font().layout("x")).toBe("[laid out x]");
    expect(originalMethod("fontkit-layout-word-cache", Font.prototype, "layout")).not.toBe(Font.prototype.layout);
    second.remove();
    expect(new Font().layout("x")).toBe("laid out x");
  });

  it("gives the library's own method whether the patch is on or not", () => {
    const { Font } = library();
    const own = Font.prototype.layout;
    const patch = propertyPatches("fontkit-layout-word-cache", [wrapMethod(Font.prototype, "layout", wrapped)]);
    expect(originalMethod("fontkit-layout-word-cache", Font.prototype, "layout")).toBe(own);
    patch.apply();
    expect(originalMethod("fontkit-layout-word-cache", Font.prototype, "layout")).toBe(own);
  });

  it("shadows an inherited method on apply, and leaves only the base's on remove", () => {
    const { Base, Font } = library();
    const patch = propertyPatches("pdfkit-font-reuse", [
      wrapMethod(Font.prototype, "inherited", (inherited: () => string) => () => `${inherited()} patched`),
    ]);
    patch.apply();
    expect(new Font().inherited()).toBe("base patched");
    expect(new Base().inherited()).toBe("base");
    expect(originalMethod("pdfkit-font-reuse", Font.prototype, "inherited")).toBe(Base.prototype.inherited);
    patch.remove();
    expect(Object.hasOwn(Font.prototype, "inherited")).toBe(false);
    expect(new Font().inherited()).toBe("base");
  });

  it("changes nothing when making a replacement throws", () => {
    const { Font, Reference } = library();
    const patch = propertyPatches("fontkit-subset-memo", [
      wrapMethod(Font.prototype, "layout", wrapped),
      {
        on: Reference.prototype,
        property: "finalize",
        replace: () => {
          throw new Error("no such shape");
        },
      },
    ]);
    expect(() => patch.apply()).toThrow("no such shape");
    expect(patch.applied()).toBe(false);
    expect(new Font().layout("x")).toBe("laid out x");
  });
});

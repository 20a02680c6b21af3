import { describe, expect, it } from "vitest";
import { ByteBoundedLru } from "@/lib/byte-bounded-lru";

const lru = (maxBytes: number) => new ByteBoundedLru<string>(maxBytes, (value) => value.length);

describe("ByteBoundedLru", () => {
  it("keeps values while their bytes fit, and evicts the least recently used past the bound", () => {
    const memory = lru(10);
    memory.set("a", "aaaa");
    memory.set("b", "bbbb");
    expect(memory.get("a")).toBe("aaaa"); // a is now more recent than b
    memory.set("c", "cccc");
    expect(memory.get("b")).toBeUndefined();
    expect(memory.get("a")).toBe("aaaa");
    expect(memory.get("c")).toBe("cccc");
    expect(memory.bytes).toBe(8);
    expect(memory.evictions).toBe(1);
  });

  it("counts a replaced value once, and frees a deleted one", () => {
    const memory = lru(10);
    memory.set("a", "aaaa");
    memory.set("a", "aaaaaa");
    expect(memory.bytes).toBe(6);
    expect(memory.size).toBe(1);
    memory.delete("a");
    memory.delete("missing");
    expect(memory.bytes).toBe(0);
    expect(memory.get("a")).toBeUndefined();
  });

  it("does not keep a value bigger than its bound, nor drop others for it", () => {
    const memory = lru(10);
    memory.set("a", "aaaa");
    memory.set("huge", "h".repeat(11));
    expect(memory.get("huge")).toBeUndefined();
    expect(memory.get("a")).toBe("aaaa");
    expect(memory.evictions).toBe(0);
  });

  it("empties on clear", () => {
    const memory = lru(10);
    memory.set("a", "aaaa");
    memory.clear();
    expect([memory.size, memory.bytes, memory.get("a")]).toEqual([0, 0, undefined]);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import type { BriefingDocument } from "@/lib/briefing/document";
import { forgetStampedStreams } from "@/lib/pdf/assembly/citations";
import { partCacheBytes, partCacheFromEnv, partKey, PartCache, rendererFingerprint } from "@/lib/pdf/part-cache";
import { partInput, type PartInput } from "@/lib/pdf/parts/part-input";
import { planParts } from "@/lib/pdf/parts/plan";
import { renderWithTasks, type PdfTasks } from "@/lib/pdf/pipeline";
import { PdfRenderPool } from "@/lib/pdf/pool";
import { inThreadTasks } from "@/lib/pdf/render";
import { pageGeometry } from "@/lib/pdf/theme";
import { makeBriefingDoc, withNewlyCitedSource } from "../helpers/briefing-doc";
import { readOutline } from "../helpers/pdf-outline";
import { allPageLines, allPageTexts, wordsPastMargin, writeTempPdf } from "../helpers/pdf-tools";

/** The in-thread tasks, counting the parts they render (a briefing's tasks share one list: only those each took). */
function counting(): PdfTasks & { rendered: PartInput[] } {
  const rendered: PartInput[] = [];
  return {
    ...inThreadTasks,
    rendered,
    parts: async (inputs, claims) => {
      const parts = await inThreadTasks.parts(inputs, claims);
      inputs.forEach((input, at) => parts[at] && rendered.push(input));
      return parts;
    },
  };
}

/** Renders `doc` in this thread; without a cache, from scratch: nothing the assembly remembered is reused either. */
async function render(doc: BriefingDocument, cache: PartCache | null, tasks: PdfTasks = inThreadTasks) {
  if (!cache) forgetStampedStreams();
  const pdf = Buffer.from(await renderWithTasks(doc, tasks, { cache }));
  const { file, remove } = writeTempPdf(pdf);
  try {
    return { pdf, pages: allPageTexts(file), lines: allPageLines(file), outline: await readOutline(pdf) };
  } finally {
    remove();
  }
}

const withMessage = (doc: BriefingDocument, at: number, text: string): BriefingDocument => ({
  ...doc,
  keyMessages: doc.keyMessages.map((m, i) => (i === at ? text : m)),
});

describe("the part cache", () => {
  it("assembles the same document from cached parts as from fresh ones, rendering none", async () => {
    const doc = makeBriefingDoc({ scale: 3, status: "final" });
    const fresh = await render(doc, null);
    const cache = new PartCache(64 * 1024 * 1024);
    const filling = await render(doc, cache);
    const tasks = counting();
    const cached = await render(doc, cache, tasks);
    expect(tasks.rendered).toHaveLength(0);
    for (const r of [filling, cached]) {
      expect(r.pages.length).toBe(fresh.pages.length);
      r.pages.forEach((text, i) => expect(text, `page ${i + 1}`).toBe(fresh.pages[i]));
      expect(r.lines).toEqual(fresh.lines);
      expect(r.outline).toEqual(fresh.outline);
    }
    // Byte for byte, even: parts are deterministic, and so is the assembly.
    expect(Buffer.compare(cached.pdf, fresh.pdf)).toBe(0);
  }, 60_000);

  it("re-renders only the front matter when one key message changes", async () => {
    const doc = makeBriefingDoc({ scale: 3 });
    const cache = new PartCache(64 * 1024 * 1024);
    await render(doc, cache);
    const tasks = counting();
    const edited = withMessage(doc, 1, "Press for an early date for the next Cooperation Council.");
    const result = await render(edited, cache, tasks);
    expect(tasks.rendered).toHaveLength(1);
    expect(tasks.rendered[0]).toMatchObject({ kind: "body", contents: expect.any(Array) });
    expect(result.pages.join("\n")).toContain("Press for an early date for the next Cooperation Council.");
    expect(result.pages.join("\n")).not.toContain(doc.keyMessages[1]);
    const fresh = await render(edited, null);
    expect(result.pages).toEqual(fresh.pages);
  }, 60_000);

  it("re-renders only the topic part whose fact note changed", async () => {
    const doc = makeBriefingDoc({ scale: 3 });
    const cache = new PartCache(64 * 1024 * 1024);
    await render(doc, cache);
    const tasks = counting();
    const edited = structuredClone(doc);
    edited.sections[2].facts[1].note = "Confirmed by the delegation on 3 December.";
    const result = await render(edited, cache, tasks);
    expect(tasks.rendered).toHaveLength(1);
    const [input] = tasks.rendered;
    expect(input.kind === "body" && input.slices.map((slice) => slice.entry.id)).toContain(
      `topic-${doc.sections[2].topicId}`,
    );
    expect(result.pages.join("\n")).toContain("Note: Confirmed by the delegation on 3 December.");
  }, 60_000);

  it("re-renders only the new fact's run and the Sources when a newly cited source renumbers the rest, the same document as a fresh render", async () => {
    const doc = makeBriefingDoc({ scale: 3, status: "final" });
    const cache = new PartCache(64 * 1024 * 1024);
    await render(doc, cache);
    const edited = withNewlyCitedSource(doc);
    const tasks = counting();
    const cached = await render(edited, cache, tasks);
    const ids = tasks.rendered.map((input) =>
      input.kind === "body" ? input.slices.map((s) => s.entry.id) : ["cover"],
    );
    expect(ids).toHaveLength(2);
    expect(ids).toContainEqual(["sources"]);
    expect(ids.find((slices) => slices[0] !== "sources")).toContain(`topic-${doc.sections[0].topicId}`);
    const fresh = await render(edited, null);
    expect(cached.pages.length).toBe(fresh.pages.length);
    cached.pages.forEach((text, i) => expect(text, `page ${i + 1}`).toBe(fresh.pages[i]));
    expect(cached.lines).toEqual(fresh.lines);
    expect(cached.outline).toEqual(fresh.outline);
    expect(Buffer.compare(cached.pdf, fresh.pdf)).toBe(0);
    // The numbers moved: a fact of the last section cites its source under the new number.
    const last = edited.sections.at(-1)!.facts[0];
    expect(cached.pages.join("\n")).toContain(`[${last.citation.number}]`);
    expect(cached.pages.join("\n")).toMatch(/\[2\] [^\n]*A newly cited source/);
  }, 60_000);

  it("shares parts between briefings differing only in title, marking, draft state and clearance, each stamped with its own", async () => {
    const cache = new PartCache(64 * 1024 * 1024);
    const a = makeBriefingDoc({ scale: 1.5 });
    const b: BriefingDocument = {
      ...makeBriefingDoc({
        scale: 1.5,
        status: "final",
        clearance: { clearedBy: "Hana Head", clearedOn: "2026-11-19" },
      }),
      title: "Ministerial visit: the second colleague's briefing",
      marking: "SECRET",
    };
    const first = await render(a, cache);
    const tasks = counting();
    const second = await render(b, cache, tasks);
    // The cover alone: it prints the title, marking, status and clearance.
    expect(tasks.rendered.map((p) => p.kind)).toEqual(["cover"]);
    expect(second.pages.length).toBe(first.pages.length);
    second.pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(b.title);
      expect(text, `page ${i + 1}`).not.toContain(a.title);
      expect(text.split("SECRET").length - 1, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(text, `page ${i + 1}`).not.toContain("OFFICIAL-SENSITIVE");
      expect(text, `page ${i + 1}`).not.toContain("D\nR\nA\nF\nT");
    });
    first.pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(a.title);
      expect(text, `page ${i + 1}`).toContain("D\nR\nA\nF\nT");
      expect(text.split("OFFICIAL-SENSITIVE").length - 1, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
    });
    expect(second.pages[0]).toContain("Cleared by Hana Head, 2026-11-19");
    expect(first.pages.join("\n")).not.toContain("Cleared by");
    expect(second.pages).toEqual((await render(b, null)).pages);
  }, 60_000);

  it("never serves the internal copy's parts into the counterpart copy, or back, even for the same content", async () => {
    const cache = new PartCache(64 * 1024 * 1024);
    const internal: BriefingDocument = {
      ...makeBriefingDoc({ scale: 1.5, clearance: { clearedBy: "Hana Head", clearedOn: "2026-11-19" } }),
      withheld: 2,
    };
    // The same document as the counterpart copy: the worst case, every fact and field alike.
    const counterpart: BriefingDocument = { ...internal, variant: "counterpart" };
    const first = await render(internal, cache);
    const tasks = counting();
    const copy = await render(counterpart, cache, tasks);
    expect(tasks.rendered).toHaveLength(planParts(counterpart).length); // none served from the internal copy's
    expect(tasks.rendered.every((input) => input.variant === "counterpart")).toBe(true);
    const back = counting();
    await render(internal, cache, back);
    expect(back.rendered).toHaveLength(0); // the internal copy's own parts are still there
    // The counterpart cover's input holds nothing the cover does not print for it.
    const inputs = JSON.stringify(tasks.rendered);
    for (const internalOnly of [internal.purpose, internal.preparedBy, "Hana Head", ...internal.keyMessages])
      expect(inputs).not.toContain(internalOnly);
    // Every page stamped with the counterpart copy's marking line, top and bottom.
    copy.pages.forEach((text, i) => {
      expect(text.split("OFFICIAL-SENSITIVE — RELEASABLE TO KAZAKHSTAN").length - 1, `page ${i + 1}`).toBe(2);
    });
    first.pages.forEach((text, i) => expect(text, `page ${i + 1}`).not.toContain("RELEASABLE"));
    expect(copy.pages[0]).not.toContain("Prepared by");
    expect(copy.pages[0]).not.toContain("not shown");
    expect(first.pages[0]).toContain("2 items are not shown: marked above your clearance level.");
    expect(copy.outline.map((o) => o.title)).not.toContain("Key messages");
    // From the warm cache, the same bytes as rendered with none.
    expect(Buffer.compare((await render(counterpart, cache)).pdf, (await render(counterpart, null)).pdf)).toBe(0);
  }, 60_000);

  it("stamps a marking line too long for the running header in full, set smaller, never cut", async () => {
    const country = { id: "gb", name: "United Kingdom of Great Britain and Northern Ireland" };
    const doc: BriefingDocument = { ...makeBriefingDoc({ scale: 0.5 }), country, variant: "counterpart" };
    const { pdf, pages } = await render(doc, null);
    const line = "OFFICIAL-SENSITIVE — RELEASABLE TO UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND";
    pages.forEach((text, i) => expect(text.split(line).length - 1, `page ${i + 1}`).toBe(2));
    const { file, remove } = writeTempPdf(pdf);
    try {
      expect(wordsPastMargin(file, pageGeometry.marginX - 2)).toEqual([]);
    } finally {
      remove();
    }
  }, 60_000);

  it("renders a part once when two downloads of the same content ask at once, and forgets a failed render", async () => {
    const doc = makeBriefingDoc({ scale: 1.5 });
    const cache = new PartCache(64 * 1024 * 1024);
    const tasks = counting();
    const [a, b] = await Promise.all([render(doc, cache, tasks), render({ ...doc, title: "Another" }, cache, tasks)]);
    expect(tasks.rendered).toHaveLength(planParts(doc).length + 1); // every part once, and the second cover
    expect(a.pages.length).toBe(b.pages.length);

    const failing: PdfTasks = { ...inThreadTasks, parts: () => Promise.reject(new Error("busy")) };
    const other = { ...doc, keyMessages: ["Something new."] };
    await expect(renderWithTasks(other, failing, { cache })).rejects.toThrow("busy");
    const retry = counting();
    await render(other, cache, retry);
    expect(retry.rendered).toHaveLength(1); // the front matter, rendered now: the failure was not cached
  }, 60_000);

  it("never serves a part for different content: every field a part prints is in its key", () => {
    const doc = makeBriefingDoc({ scale: 1 });
    const keys = (d: BriefingDocument) => planParts(d).map((plan) => partKey(partInput(d, plan), "patches"));
    const base = keys(doc);
    const changedFact = structuredClone(doc);
    changedFact.sections[0].facts[0].text = "A different statement.";
    const changed = keys(changedFact);
    expect(changed.filter((k, i) => k !== base[i])).toHaveLength(1);
    expect(changed[2]).not.toBe(base[2]); // the topics' part
    const citation = structuredClone(doc);
    citation.sections[3].facts[0].citation = { number: 11 };
    expect(keys(citation)[2]).not.toBe(base[2]);
    // The copy (internal or counterpart) is in every key, and named outright at its start.
    const variant: BriefingDocument = { ...doc, variant: "counterpart" };
    expect(keys(variant).every((k) => !base.includes(k))).toBe(true);
    expect(base.every((k) => k.startsWith("internal:"))).toBe(true);
    expect(keys(variant).every((k) => k.startsWith("counterpart:"))).toBe(true);
    // A field the parts do not know yet is in every key.
    const unknown = { ...doc, somethingNew: 1 } as BriefingDocument;
    expect(keys(unknown).every((k, i) => k !== base[i])).toBe(true);
    // The withheld count is printed on the cover alone.
    const withheld = keys({ ...doc, withheld: 2 });
    expect(withheld[0]).not.toBe(base[0]);
    expect(withheld.slice(1)).toEqual(base.slice(1));
    // What the renderer runs with is in the key too: every library's version, the fonts' bytes.
    expect(rendererFingerprint()).not.toContain("unknown");
    expect(rendererFingerprint()).toContain('"@react-pdf/renderer":"4.9.0"');
    expect(partKey(partInput(doc, planParts(doc)[1]), "")).not.toBe(base[1]);
    // Title, marking and draft state are stamped: the body parts do not print them.
    const retitled = { ...doc, title: "Another title", marking: "SECRET" as const, status: "final" as const };
    expect(keys(retitled).slice(1)).toEqual(base.slice(1));
  });

  it("stays within its byte bound, evicting the least recently used parts", async () => {
    const cache = new PartCache(1_000);
    const bytes = (n: number) => new Uint8Array(n);
    cache.set("a", bytes(400));
    cache.set("b", bytes(400));
    expect(cache.get("a")).toBeDefined(); // a is now the most recently used
    cache.set("c", bytes(400));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
    cache.set("huge", bytes(5_000)); // bigger than the bound: never cached
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 800, evictions: 1 });

    // With real parts: a bound smaller than one briefing's parts keeps under it.
    const real = new PartCache(60 * 1024);
    await render(makeBriefingDoc({ scale: 3 }), real);
    const stats = real.stats();
    expect(stats.bytes).toBeLessThanOrEqual(60 * 1024);
    expect(stats.evictions).toBeGreaterThan(0);
  }, 60_000);

  it("is bounded by CHANCERY_PDF_PART_CACHE_MB: 64 MiB by default, 0 turns it off, nonsense refused", () => {
    expect(partCacheBytes({})).toBe(64 * 1024 * 1024);
    expect(partCacheBytes({ CHANCERY_PDF_PART_CACHE_MB: "8" })).toBe(8 * 1024 * 1024);
    expect(partCacheFromEnv({ CHANCERY_PDF_PART_CACHE_MB: "0" })).toBeNull();
    expect(() => partCacheBytes({ CHANCERY_PDF_PART_CACHE_MB: "lots" })).toThrow(/CHANCERY_PDF_PART_CACHE_MB/);
  });
});

describe("the part cache on the render pool", () => {
  const pool = new PdfRenderPool({ threads: 2, partCache: new PartCache(64 * 1024 * 1024) });
  afterAll(() => pool.close());

  it("renders a second download of the same content from cached parts, the same bytes", async () => {
    const doc = makeBriefingDoc({ scale: 9, sourceCount: 40 });
    const first = await pool.render(doc);
    const misses = pool.partCache!.stats().misses;
    const second = await pool.render({ ...doc, title: "A colleague's copy" });
    expect(pool.partCache!.stats().misses).toBe(misses + 1); // the cover
    expect(Buffer.compare(await pool.render(doc), first)).toBe(0);
    expect(second.length).toBeGreaterThan(0);
  }, 60_000);
});

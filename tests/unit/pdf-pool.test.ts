import path from "node:path";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { afterAll, describe, expect, it, vi } from "vitest";
import { briefingContentHash, PdfCache } from "@/lib/pdf/cache";
import { PdfBusyError, PdfTimeoutError } from "@/lib/pdf/errors";
import { PdfRenderPool } from "@/lib/pdf/pool";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { WARM_UP_DOCUMENT } from "@/lib/pdf/warm-up";
import { makeBriefingDoc } from "../helpers/briefing-doc";
import { pdfInfo, writeTempPdf } from "../helpers/pdf-tools";

const GATED_RENDER_WORKER = path.resolve("tests/helpers/gated-render-worker.mjs");

function pageCount(pdf: Buffer): number {
  const { file, remove } = writeTempPdf(pdf);
  try {
    return Number(pdfInfo(file).get("Pages"));
  } finally {
    remove();
  }
}

describe("PdfRenderPool", () => {
  const pools: PdfRenderPool[] = [];
  const pool = (options: ConstructorParameters<typeof PdfRenderPool>[0]) => {
    const p = new PdfRenderPool(options);
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("renders in worker threads, and moves to new threads only once they are warm", async () => {
    const p = pool({ threads: 1, recycleAfter: 2, warmUp: true });
    const pdfs = await Promise.all([1, 2, 3].map(() => p.render(makeBriefingDoc())));
    for (const pdf of pdfs) {
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pageCount(pdf)).toBeGreaterThan(3);
    }
    // The third task was due for new threads; it ran on the old ones while those warmed up.
    await vi.waitFor(() => expect(p.replacements).toBe(1), { timeout: 60_000, interval: 100 });
    expect(pageCount(await p.render(makeBriefingDoc()))).toBeGreaterThan(3);
  }, 90_000);

  it("warms a new thread up with the built-in briefing, then renders as usual", async () => {
    const p = pool({ threads: 1, warmUp: true });
    expect(pageCount(await p.render(makeBriefingDoc()))).toBeGreaterThan(3);
    // The warm-up briefing itself must render: a broken one would only be logged by the thread.
    expect(pageCount(await renderBriefingPdf(WARM_UP_DOCUMENT))).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("refuses work with PdfBusyError when the queue is full", async () => {
    const p = pool({ threads: 1, maxQueue: 1 });
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => p.render(makeBriefingDoc())));
    const busy = results.filter((r) => r.status === "rejected" && r.reason instanceof PdfBusyError);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const error = (busy[0] as PromiseRejectedResult).reason as PdfBusyError;
    expect(error.status).toBe(503);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  }, 60_000);

  it("renders a long briefing as parts on both threads, and refuses it whole when they cannot all queue", async () => {
    const long = makeBriefingDoc({ scale: 9, status: "final" });
    // Each long briefing needs 3 places: its 2 parts and its assembly.
    const p = pool({ threads: 2, maxQueue: 3 });
    expect(pageCount(await p.render(long))).toBeGreaterThan(15);
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => p.render(long)));
    const busy = results.filter((r) => r.status === "rejected");
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const r of busy) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PdfBusyError);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
  }, 90_000);

  it("finishes a long briefing it has started before the short ones that queued behind its parts", async () => {
    const p = pool({ threads: 1, maxQueue: 3 });
    const finished: string[] = [];
    const long = p.render(makeBriefingDoc({ scale: 9, status: "final" })).then(() => finished.push("long"));
    // Keep the queue as full as admission allows while the long briefing renders: its
    // assembly must still find a place, and must not wait behind these.
    const short: Promise<unknown>[] = [];
    let done = false;
    void long.finally(() => (done = true));
    while (!done) {
      short.push(
        p.render(makeBriefingDoc()).then(
          () => finished.push("short"),
          (error: unknown) => error,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await long;
    const outcomes = await Promise.all(short);
    expect(finished[0]).toBe("long");
    for (const outcome of outcomes) if (outcome instanceof Error) expect(outcome).toBeInstanceOf(PdfBusyError);
    expect(finished.filter((f) => f === "short").length).toBeGreaterThan(0);
  }, 90_000);

  it("keeps its time limit when garbage is collected meanwhile", async () => {
    // AbortSignal.timeout() inside AbortSignal.any() can be collected on Node 20 and never
    // fire (nodejs/node#57736); collecting while the render runs must not lose the limit.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const p = pool({ threads: 1, timeoutMs: 300 });
    const render = p.render(makeBriefingDoc({ scale: 10 })).then(
      () => "finished",
      (error: unknown) => error,
    );
    for (let i = 0; i < 20; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await render).toBeInstanceOf(PdfTimeoutError);
  }, 60_000);

  it("refuses work once closed, also while new threads were warming up", async () => {
    const p = pool({ threads: 1, recycleAfter: 1, warmUp: true });
    await p.render(makeBriefingDoc());
    await p.render(makeBriefingDoc()); // due for new threads: they start warming up
    await p.close();
    await expect(p.render(makeBriefingDoc())).rejects.toBeInstanceOf(PdfBusyError);
  }, 60_000);

  it("stops a render past its time limit with PdfTimeoutError", async () => {
    const p = pool({ threads: 1, timeoutMs: 100 });
    await expect(p.render(makeBriefingDoc({ scale: 10 }))).rejects.toBeInstanceOf(PdfTimeoutError);
  }, 60_000);

  it("renders real PDFs on the same pool after stopping one at its time limit", async () => {
    // The limit leaves a cold thread ample time for a small briefing; the gated task never ends.
    const p = pool({ threads: 1, timeoutMs: 10_000, workerFile: GATED_RENDER_WORKER });
    expect(pageCount(await p.render(makeBriefingDoc()))).toBeGreaterThan(3);
    const gate = new Int32Array(new SharedArrayBuffer(4)); // never opened
    await expect(p.render(Object.assign(makeBriefingDoc(), { gate }))).rejects.toBeInstanceOf(PdfTimeoutError);
    // The stopped thread is gone; a new one loads the renderer and prints this one.
    expect(pageCount(await p.render(makeBriefingDoc()))).toBeGreaterThan(3);
    expect(p.placesInUse).toBe(0);
  }, 60_000);
});

describe("PdfCache", () => {
  it("renders a cacheable document once and an uncacheable one every time", async () => {
    let renders = 0;
    const cache = new PdfCache(async () => Buffer.from(`pdf ${++renders}`), 4);
    const doc = makeBriefingDoc({ status: "final" });
    const first = await cache.get(doc, { cacheable: true });
    const again = await cache.get(structuredClone(doc), { cacheable: true });
    expect(again).toBe(first);
    expect(renders).toBe(1);
    await cache.get(doc, { cacheable: false });
    await cache.get(doc, { cacheable: false });
    expect(renders).toBe(3);
  });

  it("does not remember a failed render", async () => {
    let calls = 0;
    const cache = new PdfCache(async () => {
      calls += 1;
      if (calls === 1) throw new PdfBusyError();
      return Buffer.from("ok");
    });
    const doc = makeBriefingDoc();
    await expect(cache.get(doc, { cacheable: true })).rejects.toBeInstanceOf(PdfBusyError);
    expect((await cache.get(doc, { cacheable: true })).toString()).toBe("ok");
  });

  it("keys on content: a changed fact is a different PDF, key order is not", () => {
    const doc = makeBriefingDoc();
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as typeof doc;
    expect(briefingContentHash(reordered)).toBe(briefingContentHash(doc));
    const changed = structuredClone(doc);
    changed.sections[0].facts[0].text += ".";
    expect(briefingContentHash(changed)).not.toBe(briefingContentHash(doc));
  });

  it("keeps its capacity of PDFs, the least recently downloaded out first", async () => {
    let renders = 0;
    const cache = new PdfCache(async () => Buffer.from(`pdf ${++renders}`), 2);
    const [a, b, c] = ["a", "b", "c"].map((title) => ({ ...makeBriefingDoc(), title }));
    const get = (doc: typeof a) => cache.get(doc, { cacheable: true }).then(String);
    expect(await get(a)).toBe("pdf 1");
    expect(await get(b)).toBe("pdf 2");
    expect(await get(a)).toBe("pdf 1"); // a is now more recent than b
    expect(await get(c)).toBe("pdf 3"); // b goes
    expect(await get(a)).toBe("pdf 1");
    expect(await get(b)).toBe("pdf 4");
  });
});

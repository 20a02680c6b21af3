import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { BriefingDocument } from "@/lib/briefing/document";
import { AppError, isAppError, isConflictError, isValidationError } from "@/lib/errors";
import { estimatePlaces } from "@/lib/pdf/parts/plan";
import { maxRequestThreadLoad, PdfRenderPool, type PdfPoolOptions } from "@/lib/pdf/pool";
import { makeBriefingDoc } from "../helpers/briefing-doc";

const GATE_WORKER = path.resolve("tests/helpers/gate-worker.mjs");

/** A document whose render (on the gate worker) holds its thread until openGate(). */
function gatedDoc(): { doc: BriefingDocument; openGate: () => void } {
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const doc = Object.assign(makeBriefingDoc(), { gate });
  return {
    doc,
    openGate: () => {
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    },
  };
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("PdfRenderPool admission", () => {
  const pools: PdfRenderPool[] = [];
  const pool = (options: PdfPoolOptions) => {
    const p = new PdfRenderPool({ workerFile: GATE_WORKER, ...options });
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("refuses a user's request beyond the per-user limit with 429 and Retry-After, other users still admitted", () => {
    const p = pool({ threads: 1, maxQueue: 10, perUser: 2 });
    const first = p.admit({ userId: "ada" });
    p.admit({ userId: "ada" });
    let refused: unknown;
    try {
      p.admit({ userId: "ada" });
    } catch (error) {
      refused = error;
    }
    expect(isAppError(refused) && refused.status).toBe(429);
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(0);
    expect(() => p.admit({ userId: "bob" })).not.toThrow();
    first.release();
    first.release(); // a second release gives back nothing more
    expect(() => p.admit({ userId: "ada" })).not.toThrow();
    expect(() => p.admit({ userId: "ada" })).toThrow(expect.objectContaining({ status: 429 }));
  });

  it("refuses at once with 503 and Retry-After when the places are taken, and admits again once released", () => {
    const p = pool({ threads: 1, maxQueue: 2 }); // 3 places
    const long = p.admit({ userId: "a", places: 3 });
    let refused: unknown;
    try {
      p.admit({ userId: "b", places: 1 });
    } catch (error) {
      refused = error;
    }
    expect(isAppError(refused) && refused.status).toBe(503);
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(0);
    long.release();
    expect(p.placesInUse).toBe(0);
    // An idle pool admits a briefing however many places it needs.
    const huge = p.admit({ userId: "b", places: 5 });
    expect(p.placesInUse).toBe(5);
    huge.release();
  });

  it("estimates places before the document exists: a long briefing holds its parts and their assembly", () => {
    expect(estimatePlaces({ facts: 10, characters: 2_000 })).toBe(1);
    expect(estimatePlaces({ facts: 88, characters: 13_800 })).toBe(3); // the seeded Kazakhstan draft: two parts
    expect(estimatePlaces({ facts: 150, characters: 30_000 })).toBe(3);
  });

  it("counts the time limit from the start of rendering, not from the queue", async () => {
    const p = pool({ threads: 1, timeoutMs: 1_000 });
    const { doc } = gatedDoc(); // never opened: runs past its limit
    const blocker = failureOf(p.render(doc));
    // Waits the blocker's whole time limit for the thread, then renders at once.
    const waiting = p.render(makeBriefingDoc());
    expect(await blocker).toMatchObject({ status: 504 });
    expect((await waiting).subarray(0, 5).toString()).toBe("%PDF-");
    expect(p.placesInUse).toBe(0);
  }, 20_000);

  it("refuses a request that waits too long for a thread with 503, not 504", async () => {
    const p = pool({ threads: 1, queueTimeoutMs: 200 });
    const { doc, openGate } = gatedDoc();
    const running = p.render(doc);
    const refused = await failureOf(p.render(makeBriefingDoc()));
    expect(isAppError(refused) && refused.status).toBe(503);
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(0);
    openGate();
    expect((await running).subarray(0, 5).toString()).toBe("%PDF-");
    expect(p.placesInUse).toBe(0);
  }, 20_000);

  it("renders once per ticket, and its places are back after release whatever happened", async () => {
    const p = pool({ threads: 1, timeoutMs: 300 });
    const ticket = p.admit({ userId: "ada", places: 1 });
    const { doc } = gatedDoc();
    expect(await failureOf(ticket.render(doc))).toMatchObject({ status: 504 });
    expect(await failureOf(ticket.render(makeBriefingDoc()))).toBeInstanceOf(Error);
    ticket.release();
    expect(p.placesInUse).toBe(0);
  }, 20_000);

  it("refuses with 503 once closed", async () => {
    const p = pool({ threads: 1 });
    await p.close();
    expect(() => p.admit({ userId: "ada" })).toThrow(expect.objectContaining({ status: 503 }));
  });
});

/** Keeps this thread's event loop busy for `ms`, as a flood of requests would. */
function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("PdfRenderPool admission by the request thread's load", () => {
  const pools: PdfRenderPool[] = [];
  const pool = (options: PdfPoolOptions) => {
    const p = new PdfRenderPool({ workerFile: GATE_WORKER, threads: 1, maxQueue: 10, perUser: 10, ...options });
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("refuses more renders with 503 and Retry-After while the thread is past its bound, never the first, and admits again once it is quiet", async () => {
    const p = pool({ threads: 2, maxRequestThreadLoad: 0.5, retryAfterSeconds: 3 });
    await sleep(1_200); // a quiet second: the window holds idle time only
    const quiet = [p.admit({ userId: "ada" }), p.admit({ userId: "bob" }), p.admit({ userId: "cy" })];
    expect(p.refusing).toBe(false); // room, and the thread is idle
    quiet.forEach((ticket) => ticket.release());

    blockEventLoop(1_200);
    expect(p.refusing).toBe(false); // nothing admitted: the first render always gets in
    const first = p.admit({ userId: "ada" });
    expect(p.refusing).toBe(true);
    expect(p.status().requestThreadLoad).toBeGreaterThan(0.5); // what /api/ready shows
    expect(() => p.admit({ userId: "bob" })).toThrow(
      expect.objectContaining({ status: 503, retryAfterSeconds: 3, name: "PdfBusyError" }),
    );

    await sleep(1_500); // the loop turns freely again
    expect(p.refusing).toBe(false);
    expect(() => p.admit({ userId: "bob" }).release()).not.toThrow();
    first.release();
  });

  it("has no such rule unless asked: a pool without the bound admits up to its places however busy the thread", () => {
    const p = pool({});
    const first = p.admit({ userId: "ada" });
    blockEventLoop(1_200);
    expect(p.refusing).toBe(false);
    expect(p.status().requestThreadLoad).toBeNull();
    expect(() => p.admit({ userId: "bob" }).release()).not.toThrow();
    first.release();
  });
});

describe("CHANCERY_PDF_MAX_REQUEST_THREAD_LOAD", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  it.each([
    [undefined, 0.9],
    ["", 0.9],
    ["0.6", 0.6],
    ["1", 1],
    ["0", 0.9],
    ["1.5", 0.9],
    ["busy", 0.9],
  ])("reads %j as %d", (raw, expected) => {
    if (raw === undefined) delete process.env.CHANCERY_PDF_MAX_REQUEST_THREAD_LOAD;
    else vi.stubEnv("CHANCERY_PDF_MAX_REQUEST_THREAD_LOAD", raw);
    expect(maxRequestThreadLoad()).toBe(expected);
  });
});

describe("app errors across bundles", () => {
  it("are recognised by brand and status when thrown by another copy of the module", async () => {
    // Next bundles lib/errors.ts once for instrumentation.ts (which makes the shared PDF pool)
    // and once per route; a fresh module registry gives such a second copy.
    vi.resetModules();
    const pdfCopy = await import("@/lib/pdf/errors");
    const errorsCopy = await import("@/lib/errors");
    const busy = new pdfCopy.PdfBusyError(7);
    expect(busy).not.toBeInstanceOf(AppError); // the copy really is another class
    expect(isAppError(busy)).toBe(true);
    expect(busy).toMatchObject({ status: 503, retryAfterSeconds: 7, name: "PdfBusyError" });
    expect(isAppError(new pdfCopy.PdfUserLimitError(2))).toBe(true);
    expect(new pdfCopy.PdfTimeoutError(10)).toMatchObject({ status: 504 });

    const conflict = new errorsCopy.ConflictError("Saved by someone else.", { version: 3 });
    expect(isConflictError(conflict) && conflict.current).toEqual({ version: 3 });
    const invalid = new errorsCopy.ValidationError("Check the form.", { title: ["Too long."] });
    expect(isValidationError(invalid) && invalid.fieldErrors).toEqual({ title: ["Too long."] });
    expect(isConflictError(invalid)).toBe(false);
  });

  it("are not confused with other errors or look-alike objects", () => {
    expect(isAppError(new Error("boom"))).toBe(false);
    expect(isAppError({ status: 503, message: "busy", name: "PdfBusyError" })).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError("PdfBusyError")).toBe(false);
  });
});

import os from "node:os";
import type { BriefingDocument } from "../briefing/document";
import { PdfBusyError, PdfTimeoutError } from "./errors";
import { EventLoopLoad } from "./event-loop-load";
import { Admission } from "./pool-admission";
import { PartCache, partCacheFromEnv } from "./part-cache";
import type { PartInput } from "./parts/part-input";
import { placesForDocument, type PartPlan } from "./parts/plan";
import { renderWithTasks, type PdfTasks } from "./pipeline";
import { RenderQueue, type QueuedTask } from "./pool-queue";
import { defaultWorkerFile, RenderThreads, type ThreadStatus } from "./pool-threads";
import { warmUpBriefing } from "./warm-up";

export interface PoolStatus extends ThreadStatus {
  /** The whole download path has been through its warm-up (always true without warmUp). */
  pipelineWarm: boolean;
  queued: number;
  placesInUse: number;
  places: number;
  /** Busy share of the request thread over the last second, to 0.01; null without the load rule (maxRequestThreadLoad). */
  requestThreadLoad: number | null;
}

/** What a worker thread is asked to do: see render-worker.mjs. */
type PdfTask =
  | { kind: "parts"; inputs: PartInput[]; claims?: Int32Array }
  | { kind: "assemble"; doc: BriefingDocument; plans: PartPlan[]; parts: Uint8Array[]; keys: string[] | null };

export interface PdfPoolOptions {
  /** Worker threads; default: the cores available. */
  threads?: number;
  /**
   * Tasks that may wait beyond the threads before callers get PdfBusyError: the pool admits
   * briefings holding up to `threads + maxQueue` places, one per task (a long briefing holds
   * 3 from admission on: its 2 parts and the assembly that follows them).
   */
  maxQueue?: number;
  /** Renders one user may hold at once (in this process); more get PdfUserLimitError (429). */
  perUser?: number;
  /** Limit per render, counted from the moment its first task starts on a thread. */
  timeoutMs?: number;
  /** How long a briefing may wait in the queue for its first thread before it gets PdfBusyError. */
  queueTimeoutMs?: number;
  /** Sent as Retry-After with a refusal (503, 429). */
  retryAfterSeconds?: number;
  /** Tasks after which the threads are replaced, before react-pdf's per-render leak adds up. */
  recycleAfter?: number;
  /** Path of the worker entry; default lib/pdf/render-worker.mjs. */
  workerFile?: string;
  /**
   * Each new thread prints a small briefing before taking work (lib/pdf/warm-up.ts), and once
   * they have, the pool prints a few more the way a download does (warmPipeline).
   */
  warmUp?: boolean;
  /** Rendered parts shared by every render of this pool (lib/pdf/part-cache.ts); none by default. */
  partCache?: PartCache | null;
  /**
   * Busy share (0 to 1) of this thread's event loop over the last second above which, while a
   * render is already admitted, more are refused with PdfBusyError (503): the downloads' own
   * work on this thread (reads, document build, audit: ~10 ms each) must not starve pages.
   * None, or 1 and above: no such rule (the default; the server's shared pool sets it,
   * maxRequestThreadLoad()).
   */
  maxRequestThreadLoad?: number;
}

/** An admitted request's claim on the pool: render once with it, and release it on every path. */
export interface PdfRenderTicket {
  render(doc: BriefingDocument): Promise<Buffer>;
  release(): void;
}

function abortReason(name: "TimeoutError" | "QueueTimeoutError"): Error {
  const reason = new Error(
    name === "TimeoutError" ? "The render ran past its time limit." : "The render waited too long for a thread.",
  );
  reason.name = name;
  return reason;
}

/**
 * The pool's own warm-up, after its threads' (render-worker.ts): briefings printed as a download
 * prints them — planned, keyed and cached in this thread, their parts on both threads, copied
 * back, assembled on a third task — so this thread's share of a download (render inputs, keys,
 * the fonts read and hashed for the renderer's fingerprint) and the hops between threads are
 * compiled before the first real one. Without it the first download after a start took 2.1 to
 * 2.2× a warm one. Bounded in time: readiness waits for it. What V8 still lacks at that point is
 * runs of the hot code, so the count matters more than what is printed: with 4 briefings, the
 * first download read 2.0 to 2.6× a warm one on a machine where each thread's own warm-up fits
 * only 3 of its 6 briefings in its budget; with 16 in 2.5 s, 1.7 to 2.1× (6 starts, a 5-start
 * bench:pdf median of 2.08×); with 28 in 3.5 s (~3.3 s used), 1.40 to 1.58× (6 starts), ready
 * ~1.1 s later (~7.9 s after a start on 2 slow cores). With 40 in 5 s, 1.30 to 1.69×: not worth
 * another second before readiness.
 */
const PIPELINE_WARM_UP_RENDERS = 28;
const PIPELINE_WARM_UP_BUDGET_MS = 3_500;
/** How long the pool's warm-up waits for its threads' before it gives up (they report their own failures). */
const THREADS_WARM_WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/** A bounded pool of render threads that replaces its threads every `recycleAfter` renders. */
export class PdfRenderPool {
  readonly threads: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  readonly queueTimeoutMs: number;
  readonly recycleAfter: number;
  readonly partCache: PartCache | null;
  private readonly renderThreads: RenderThreads;
  private readonly admission: Admission;
  private readonly requestThreadLoad: EventLoopLoad | null;
  private readonly queue: RenderQueue<PdfTask, Uint8Array | Uint8Array[]>;
  private closing = false;
  private pipelineWarm: boolean;

  constructor(options: PdfPoolOptions = {}) {
    this.threads = options.threads ?? os.availableParallelism();
    this.maxQueue = options.maxQueue ?? this.threads * 4;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.queueTimeoutMs = options.queueTimeoutMs ?? 15_000;
    // react-pdf keeps a little memory per render (about 6 KB per task here, measured over 200
    // renders; react-pdf #3051). Recycling costs a cold JIT for the next ~20 renders, so it is
    // rare: 2,000 tasks hold back about 12 MB per thread. (Parts rendered with no turn of the
    // event loop between them kept far more: parts/render-parts.ts.)
    this.recycleAfter = options.recycleAfter ?? 2_000;
    this.partCache = options.partCache ?? null;
    const maxLoad = options.maxRequestThreadLoad ?? 1;
    const load = maxLoad < 1 ? new EventLoopLoad() : null;
    this.requestThreadLoad = load;
    this.admission = new Admission({
      places: this.threads + this.maxQueue,
      perUser: options.perUser ?? 2,
      retryAfterSeconds: options.retryAfterSeconds ?? 5,
      requestThreadBusy: load ? () => load.utilisation() > maxLoad : undefined,
    });
    this.renderThreads = new RenderThreads({
      threads: this.threads,
      workerFile: options.workerFile ?? defaultWorkerFile(),
      warmUp: options.warmUp ?? false,
      recycleAfter: this.recycleAfter,
    });
    this.queue = new RenderQueue(this.threads, (queued) => this.startOnThread(queued));
    this.pipelineWarm = !options.warmUp;
    if (options.warmUp) void this.warmPipeline();
  }

  /** See PIPELINE_WARM_UP_RENDERS. A failure is logged: real renders report their own. */
  private async warmPipeline(): Promise<void> {
    try {
      const waited = performance.now();
      while (!this.closing && this.renderThreads.status().warm < this.threads) {
        if (performance.now() - waited > THREADS_WARM_WAIT_MS) return;
        await sleep(10);
      }
      // Its own cache, so the warm-up's parts take no room from real ones, and every part renders.
      const scratch = new PartCache(16 * 1024 * 1024);
      const started = performance.now();
      for (let round = 0; round < PIPELINE_WARM_UP_RENDERS; round++) {
        if (this.closing || performance.now() - started > PIPELINE_WARM_UP_BUDGET_MS) break;
        await this.renderAdmitted(warmUpBriefing(100 + round), scratch);
      }
    } catch (error) {
      if (!this.closing) console.error("PDF pipeline warm-up failed:", error);
    } finally {
      this.pipelineWarm = true;
    }
  }

  /**
   * Asks for room before any expensive work: throws PdfUserLimitError (429) when `userId`
   * already holds `perUser` tickets, PdfBusyError (503) when the places are taken or the pool
   * is closing. `places` is an estimate (see estimatePlaces in parts/plan.ts); the ticket's
   * render corrects it from the document. Room for all of a document's tasks at once, or
   * none: a document admitted by halves would keep a thread busy for nothing.
   */
  admit({ userId = null, places = 1 }: { userId?: string | null; places?: number } = {}): PdfRenderTicket {
    if (this.closing) throw new PdfBusyError();
    const ticket = this.admission.admit({ userId, places });
    let used = false;
    return {
      render: (doc) => {
        if (used) return Promise.reject(new Error("A render ticket renders one document."));
        used = true;
        ticket.resize(placesForDocument(doc));
        return this.renderAdmitted(doc);
      },
      release: () => ticket.release(),
    };
  }

  /** Admits and renders a briefing in one step, for callers with no user and nothing to build first. */
  async render(doc: BriefingDocument): Promise<Buffer> {
    const ticket = this.admit({ places: placesForDocument(doc) });
    try {
      return await ticket.render(doc);
    } finally {
      ticket.release();
    }
  }

  /** Places held by admitted requests now. */
  get placesInUse(): number {
    return this.admission.placesInUse;
  }

  /**
   * Any briefing asking now would be refused (503): every render place is taken, or the
   * request thread is past maxRequestThreadLoad while a render is admitted. Cheap to ask.
   */
  get refusing(): boolean {
    return this.admission.refusesMore(1);
  }

  /**
   * What a download asking now would be refused with, or null: the one answer both the route
   * and server.mjs (which cannot import this module's error classes) give before anything else.
   */
  refusal(): PdfBusyError | null {
    return this.refusing ? new PdfBusyError(this.retryAfterSeconds) : null;
  }

  /** Seconds a refused caller is told to wait. */
  get retryAfterSeconds(): number {
    return this.admission.limits.retryAfterSeconds;
  }

  /**
   * Renders an admitted briefing: the parts the part cache lacks in one task (a short
   * briefing) or two that run on different threads at once, then an assembly task. It may wait
   * `queueTimeoutMs` for its first thread (then PdfBusyError); from then on one time limit
   * covers all of its tasks (then PdfTimeoutError), so queue wait never counts as rendering.
   */
  private async renderAdmitted(doc: BriefingDocument, cache = this.partCache): Promise<Buffer> {
    if (this.closing) throw new PdfBusyError();
    // Plain timers, not AbortSignal.timeout() inside AbortSignal.any(): on Node 20 the
    // timeout signal can be garbage-collected and its abort never comes (nodejs/node#57736).
    const control = new AbortController();
    const { signal } = control;
    const queueTimer = setTimeout(() => control.abort(abortReason("QueueTimeoutError")), this.queueTimeoutMs);
    let renderTimer: NodeJS.Timeout | undefined;
    const onStart = () => {
      if (renderTimer !== undefined) return;
      clearTimeout(queueTimer);
      renderTimer = setTimeout(() => control.abort(abortReason("TimeoutError")), this.timeoutMs);
    };
    // The first failure also stops the document's other tasks.
    const step = (task: PdfTask, urgent = false) =>
      this.run({ task, signal, urgent, onStart }).catch((error: unknown) => {
        control.abort();
        throw error;
      });
    try {
      const onThreads: PdfTasks = {
        parts: async (inputs, claims) => (await step({ kind: "parts", inputs, claims })) as (Uint8Array | null)[],
        // Ahead of the parts still waiting: this briefing is nearly done.
        assemble: async (d, p, parts, keys) =>
          (await step({ kind: "assemble", doc: d, plans: p, parts, keys }, true)) as Uint8Array,
        rendererState: () => this.renderThreads.status().libraryPatches?.join(",") ?? "unknown",
      };
      return toBuffer(await renderWithTasks(doc, onThreads, { cache }));
    } finally {
      clearTimeout(queueTimer);
      clearTimeout(renderTimer);
    }
  }

  private async run(queued: QueuedTask<PdfTask>): Promise<Uint8Array | Uint8Array[]> {
    try {
      return await this.queue.submit(queued);
    } catch (error) {
      const { signal } = queued;
      const reason = signal.aborted && signal.reason instanceof Error ? signal.reason.name : null;
      if (isAbort(error) && reason === "TimeoutError") throw new PdfTimeoutError(this.timeoutMs);
      if (isAbort(error) && reason === "QueueTimeoutError")
        throw new PdfBusyError(this.admission.limits.retryAfterSeconds);
      throw error;
    }
  }

  /** Called by the queue when a thread is free. */
  private startOnThread({ task, signal }: QueuedTask<PdfTask>): Promise<Uint8Array | Uint8Array[]> {
    // The parts go to the assembly copied, not transferred: the part cache keeps them.
    return this.renderThreads.run(task, { signal });
  }

  /**
   * For the readiness check: the threads (alive, loaded — a warm-up in progress does not count
   * against them), the tasks waiting for a thread, the render places in use of all there are,
   * and how busy the request thread has been.
   */
  status(): PoolStatus {
    const threads = this.renderThreads.status();
    return {
      ...threads,
      pipelineWarm: this.pipelineWarm,
      closing: this.closing || threads.closing,
      queued: this.queue.size,
      placesInUse: this.admission.placesInUse,
      places: this.admission.limits.places,
      requestThreadLoad: this.requestThreadLoad ? Math.round(this.requestThreadLoad.utilisation() * 100) / 100 : null,
    };
  }

  /** How many times the threads have been replaced (each after warming up). */
  get replacements(): number {
    return this.renderThreads.replacements;
  }

  /** Renders waiting for a thread. */
  get queued(): number {
    return this.queue.size;
  }

  /** Stops every thread and refuses new work; renders still running are rejected. Safe to call more than once. */
  close(): Promise<void> {
    this.requestThreadLoad?.close();
    this.closing = true;
    this.queue.clear(new Error("The PDF service is shutting down."));
    return this.renderThreads.close();
  }
}

/**
 * CHANCERY_PDF_RENDERS_PER_USER (default 2): renders one user may hold at once. Per process:
 * several server processes would each allow this many.
 */
export function rendersPerUser(): number {
  const value = Number(process.env.CHANCERY_PDF_RENDERS_PER_USER ?? 2);
  return Number.isInteger(value) && value > 0 ? value : 2;
}

/**
 * CHANCERY_PDF_MAX_REQUEST_THREAD_LOAD (default DEFAULT_MAX_REQUEST_THREAD_LOAD): the request
 * thread's busy share over the last second above which, while a render is admitted, more
 * downloads get 503 (PdfPoolOptions.maxRequestThreadLoad); 1 turns the rule off. bench:load,
 * 40 downloaders against 12 busy users on 2 cores: light pages p50 ~850 → ~430 ms with 0.9
 * (0.95, 0.8, 0.5: the same within noise), PDFs served ~1,100 → ~450 in 30 s; with no flood,
 * 1 of 233 downloads refused at 0.9 and 0.95 over four runs, 3 of 52 in one run at 0.8.
 */
export function maxRequestThreadLoad(): number {
  const raw = process.env.CHANCERY_PDF_MAX_REQUEST_THREAD_LOAD;
  const value = Number(raw);
  return raw !== undefined && raw.trim() !== "" && value > 0 && value <= 1 ? value : DEFAULT_MAX_REQUEST_THREAD_LOAD;
}
const DEFAULT_MAX_REQUEST_THREAD_LOAD = 0.9;

// One pool per process, kept on globalThis so Next's dev reloads do not start new threads, and
// so server.mjs can answer a download the pool would refuse before Next sees it (`refusing`).
const globalForPdf = globalThis as unknown as { chanceryPdfPool?: PdfRenderPool };

/**
 * The process's shared render pool. The server starts it at boot (app/_startup/start-server.ts)
 * so its threads load and warm up before anyone downloads; otherwise on first use.
 */
export function sharedPdfPool(): PdfRenderPool {
  if (!globalForPdf.chanceryPdfPool) {
    const partCache = partCacheFromEnv();
    globalForPdf.chanceryPdfPool = new PdfRenderPool({
      warmUp: true,
      perUser: rendersPerUser(),
      partCache,
      maxRequestThreadLoad: maxRequestThreadLoad(),
    });
  }
  return globalForPdf.chanceryPdfPool;
}

/**
 * Admits and renders a briefing on the shared worker pool, as no user in particular. Throws
 * PdfBusyError when the pool is full and PdfTimeoutError when the render runs past the limit.
 */
export function renderBriefingPdfPooled(doc: BriefingDocument): Promise<Buffer> {
  return sharedPdfPool().render(doc);
}

/** The shared pool's status, or null when the process has not started one (never starts it). */
export function sharedPdfPoolStatus(): PoolStatus | null {
  return globalForPdf.chanceryPdfPool?.status() ?? null;
}

/** Test hooks only (lib/test-hooks.ts): stop the shared pool, or put a fresh one in its place. */
export async function stopSharedPdfPool(): Promise<void> {
  await globalForPdf.chanceryPdfPool?.close();
}
export async function restartSharedPdfPool(): Promise<void> {
  const old = globalForPdf.chanceryPdfPool;
  globalForPdf.chanceryPdfPool = undefined;
  await old?.close();
  sharedPdfPool();
}

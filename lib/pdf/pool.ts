import os from "node:os";
import type { BriefingDocument } from "../briefing/document";
import { PdfBusyError, PdfTimeoutError } from "./errors";
import { MAX_PARTS, planParts, type PartPlan } from "./parts/plan";
import { renderWithTasks, type PdfTasks } from "./pipeline";
import { RenderQueue, type QueuedTask } from "./pool-queue";
import { defaultWorkerFile, RenderThreads } from "./pool-threads";

/** What a worker thread is asked to do: see render-worker.mjs. */
type PdfTask =
  | { kind: "whole"; doc: BriefingDocument; plans: PartPlan[] }
  | { kind: "part"; doc: BriefingDocument; plan: PartPlan }
  | { kind: "assemble"; doc: BriefingDocument; plans: PartPlan[]; parts: Uint8Array[] };

export interface PdfPoolOptions {
  /** Worker threads; default: the cores available. */
  threads?: number;
  /**
   * Tasks that may wait for a thread before callers get PdfBusyError. A long briefing counts
   * 3 from the start: its 2 parts and the assembly that follows them.
   */
  maxQueue?: number;
  /** Limit per render, counted from submission (queue wait included). */
  timeoutMs?: number;
  /** Tasks after which the threads are replaced, before react-pdf's per-render leak adds up. */
  recycleAfter?: number;
  /** Path of the worker entry; default lib/pdf/render-worker.mjs. */
  workerFile?: string;
  /** Each new thread prints a small briefing before taking work (lib/pdf/warm-up.ts). */
  warmUp?: boolean;
}

function timeoutReason(): Error {
  const reason = new Error("The render ran past its time limit.");
  reason.name = "TimeoutError";
  return reason;
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/** A bounded pool of render threads that replaces its threads every `recycleAfter` renders. */
export class PdfRenderPool {
  readonly threads: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  readonly recycleAfter: number;
  private readonly renderThreads: RenderThreads;
  /** Queue places held for the assembly of admitted briefings whose parts are still rendering. */
  private heldForAssembly = 0;
  private readonly queue: RenderQueue<PdfTask>;
  private closing = false;

  constructor(options: PdfPoolOptions = {}) {
    this.threads = options.threads ?? os.availableParallelism();
    this.maxQueue = options.maxQueue ?? this.threads * 4;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    // react-pdf keeps a little memory per render (about 6 KB per task here, measured over 200
    // renders; react-pdf #3051). Recycling costs a cold JIT for the next ~20 renders, so it is
    // rare: 2,000 tasks hold back about 12 MB per thread.
    this.recycleAfter = options.recycleAfter ?? 2_000;
    this.renderThreads = new RenderThreads({
      threads: this.threads,
      workerFile: options.workerFile ?? defaultWorkerFile(),
      warmUp: options.warmUp ?? false,
      recycleAfter: this.recycleAfter,
    });
    this.queue = new RenderQueue(this.threads, (queued) => this.startOnThread(queued));
  }

  /**
   * Renders a briefing: a short one as a single task; a longer one as its parts, which run on
   * different threads at once, then an assembly task. One time limit covers all of them.
   */
  async render(doc: BriefingDocument): Promise<Buffer> {
    if (this.closing) throw new PdfBusyError();
    const plans = planParts(doc, MAX_PARTS);
    // Room in the queue for all of a document's tasks at once, or none of them: a document
    // admitted by halves would keep a thread busy for nothing. A long one also holds a place
    // for its assembly, so the parts it has rendered are never refused at the last step.
    // When nothing waits, anything is admitted, whatever maxQueue says.
    const needs = plans.length === 1 ? 1 : plans.length + 1;
    const waiting = this.queue.size + this.heldForAssembly;
    if (waiting > 0 && waiting + needs > this.maxQueue) throw new PdfBusyError();
    // One limit for the whole document, and the first failure also stops its other tasks.
    // A plain timer, not AbortSignal.timeout() inside AbortSignal.any(): on Node 20 the
    // timeout signal can be garbage-collected and its abort never comes (nodejs/node#57736).
    const control = new AbortController();
    const timer = setTimeout(() => control.abort(timeoutReason()), this.timeoutMs);
    const { signal } = control;
    const step = (task: PdfTask, urgent = false) => this.run({ task, signal, urgent }).catch((error: unknown) => {
      control.abort();
      throw error;
    });
    let held = false;
    const release = () => {
      if (held) this.heldForAssembly -= 1;
      held = false;
    };
    try {
      // A briefing of one part is one task: its thread renders and assembles it in a row.
      if (plans.length === 1) return toBuffer(await step({ kind: "whole", doc, plans }));
      this.heldForAssembly += 1;
      held = true;
      const onThreads: PdfTasks = {
        part: (d, plan) => step({ kind: "part", doc: d, plan }),
        assemble: (d, p, parts) => {
          release();
          // Ahead of the parts still waiting: this briefing is nearly done.
          return step({ kind: "assemble", doc: d, plans: p, parts }, true);
        },
      };
      return toBuffer(await renderWithTasks(doc, onThreads, plans));
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  private async run(queued: QueuedTask<PdfTask>): Promise<Uint8Array> {
    try {
      return await this.queue.submit(queued);
    } catch (error) {
      const { signal } = queued;
      const timedOut = signal.aborted && signal.reason instanceof Error && signal.reason.name === "TimeoutError";
      if (isAbort(error) && timedOut) throw new PdfTimeoutError(this.timeoutMs);
      throw error;
    }
  }

  /** Called by the queue when a thread is free. */
  private startOnThread({ task, signal }: QueuedTask<PdfTask>): Promise<Uint8Array> {
    const transferList = task.kind === "assemble" ? task.parts.map((p) => p.buffer as ArrayBuffer) : undefined;
    return this.renderThreads.run(task, { signal, transferList });
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
    this.closing = true;
    this.queue.clear(new Error("The PDF service is shutting down."));
    return this.renderThreads.close();
  }
}

// One pool per process, kept on globalThis so Next's dev reloads do not start new threads.
const globalForPdf = globalThis as unknown as { chanceryPdfPool?: PdfRenderPool };

/**
 * The process's shared render pool. The server starts it at boot (lib/setup/start-server.ts)
 * so its threads load and warm up before anyone downloads; otherwise on first use.
 */
export function sharedPdfPool(): PdfRenderPool {
  globalForPdf.chanceryPdfPool ??= new PdfRenderPool({ warmUp: true });
  return globalForPdf.chanceryPdfPool;
}

/**
 * Renders a briefing on the shared worker pool. Throws PdfBusyError when the queue is full
 * and PdfTimeoutError when the render runs past the limit.
 */
export function renderBriefingPdfPooled(doc: BriefingDocument): Promise<Buffer> {
  return sharedPdfPool().render(doc);
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { BriefingDocument } from "../briefing/document";
import { PdfBusyError, PdfTimeoutError } from "./errors";
import { MAX_PARTS, planParts, type PartPlan } from "./parts/plan";
import { renderWithTasks, type PdfTasks } from "./pipeline";
import { RenderQueue, type QueuedTask } from "./pool-queue";

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

const WORKER_NAME = "render-worker.mjs";

/**
 * Where the worker entry is. Beside this module under tsx/Vitest; under `next start` this
 * module is bundled elsewhere, so fall back to the source tree from the project root
 * (CHANCERY_PDF_WORKER overrides both).
 */
export function defaultWorkerFile(): string {
  if (process.env.CHANCERY_PDF_WORKER) return process.env.CHANCERY_PDF_WORKER;
  if (import.meta.url.startsWith("file:")) {
    const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), WORKER_NAME);
    if (fs.existsSync(beside)) return beside;
  }
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "lib", "pdf", WORKER_NAME);
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

/** One generation of threads and the renders it still has to finish. */
interface Generation {
  piscina: Piscina;
  renders: number;
  inFlight: number;
  retired: boolean;
}

/** A bounded pool of render threads that replaces its threads every `recycleAfter` renders. */
export class PdfRenderPool {
  readonly threads: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  readonly recycleAfter: number;
  private readonly workerFile: string;
  private readonly warmUp: boolean;
  private current: Generation;
  private readonly retiring = new Set<Generation>();
  private readonly exits = new Set<Promise<void>>();
  /** Queue places held for the assembly of admitted briefings whose parts are still rendering. */
  private heldForAssembly = 0;
  private readonly queue: RenderQueue<PdfTask>;
  /** The generation warming up to replace `current` (see recycleIfDue). */
  private next: Generation | null = null;
  private closing = false;
  /** How many times the threads have been replaced (each after warming up). */
  replacements = 0;

  constructor(options: PdfPoolOptions = {}) {
    this.threads = options.threads ?? os.availableParallelism();
    this.maxQueue = options.maxQueue ?? this.threads * 4;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    // react-pdf keeps a little memory per render (about 6 KB per task here, measured over 200
    // renders; react-pdf #3051). Recycling costs a cold JIT for the next ~20 renders, so it is
    // rare: 2,000 tasks hold back about 12 MB per thread.
    this.recycleAfter = options.recycleAfter ?? 2_000;
    this.workerFile = options.workerFile ?? defaultWorkerFile();
    this.warmUp = options.warmUp ?? false;
    this.current = this.startGeneration();
    this.queue = new RenderQueue(this.threads, (queued) => this.startOnThread(queued));
  }

  private startGeneration(): Generation {
    const piscina = new Piscina({
      filename: this.workerFile,
      minThreads: this.threads,
      maxThreads: this.threads,
      // The pool's RenderQueue hands each thread one task at a time, so this queue stays
      // empty; the bound only catches a mistake in that.
      maxQueue: this.threads,
      concurrentTasksPerWorker: 1,
      workerData: { warmUp: this.warmUp },
      // React's development build only slows rendering down; nothing in a PDF needs it.
      env: { ...process.env, NODE_ENV: "production" },
    });
    // Piscina emits 'error' for a worker that fails outside a task; without a listener that
    // would crash the server. The task itself still rejects, so nothing is lost.
    piscina.on("error", (error: unknown) => console.error("PDF worker error:", error));
    return { piscina, renders: 0, inFlight: 0, retired: false };
  }

  /**
   * Once the current threads have done `recycleAfter` tasks, a new generation starts and
   * warms up while the current one keeps rendering; new tasks move to it only when each of
   * its threads has answered a ping (which it does after loading the renderer and printing
   * its warm-up briefing). The old generation is destroyed once its last task has settled,
   * so nothing in flight is cut off and no render waits for a cold thread.
   */
  private recycleIfDue(): void {
    if (this.closing || this.next || this.current.renders < this.recycleAfter) return;
    const next = this.startGeneration();
    this.next = next;
    const pings = Array.from({ length: this.threads }, () => next.piscina.run({ kind: "ping" }));
    void Promise.all(pings).then(
      () => {
        if (this.closing) return; // close() destroys it
        const old = this.current;
        old.retired = true;
        this.retiring.add(old);
        this.current = next;
        this.next = null;
        this.replacements += 1;
        this.destroyIfDrained(old);
      },
      (error: unknown) => {
        if (!this.closing) console.error("PDF threads could not be replaced; the current ones carry on:", error);
        this.next = null;
        void next.piscina.destroy().catch(() => undefined);
      },
    );
  }

  private destroyIfDrained(generation: Generation): void {
    if (!generation.retired || generation.inFlight > 0 || !this.retiring.delete(generation)) return;
    const exit = generation.piscina.destroy().catch(() => undefined);
    this.exits.add(exit);
    void exit.finally(() => this.exits.delete(exit));
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

  /** Called by the queue when a thread is free: the task runs on the current generation. */
  private async startOnThread({ task, signal }: QueuedTask<PdfTask>): Promise<Uint8Array> {
    if (this.closing) throw new Error("The PDF service is shutting down.");
    this.recycleIfDue();
    const generation = this.current;
    generation.renders += 1;
    generation.inFlight += 1;
    try {
      const transferList = task.kind === "assemble" ? task.parts.map((p) => p.buffer as ArrayBuffer) : undefined;
      return await generation.piscina.run(task, { signal, transferList });
    } finally {
      generation.inFlight -= 1;
      this.destroyIfDrained(generation);
    }
  }

  /** Renders waiting for a thread. */
  get queued(): number {
    return this.queue.size;
  }

  private closed: Promise<void> | null = null;

  /** Stops every thread; renders still running are rejected. Safe to call more than once. */
  close(): Promise<void> {
    this.closing = true;
    this.closed ??= this.stopAll();
    return this.closed;
  }

  private async stopAll(): Promise<void> {
    this.queue.clear(new Error("The PDF service is shutting down."));
    const generations = [this.current, ...this.retiring, ...(this.next ? [this.next] : [])];
    this.retiring.clear();
    await Promise.all([...generations.map((g) => g.piscina.destroy()), ...this.exits]);
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

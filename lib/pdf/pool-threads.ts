import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { appRoot, buildDir } from "../app-paths";
import { decodeActivePatches, type LibraryPatchName } from "./library-patches/library-patch";

/** The bundle of render-worker.ts that `npm run build` writes (scripts/build-server-code.mjs). */
export const BUILT_WORKER_NAME = "pdf-worker.mjs";
/** The development entry: loads render-worker.ts through tsx. */
const SOURCE_WORKER_NAME = "render-worker.mjs";

/**
 * Which worker entry the threads load. In production (NODE_ENV=production: `npm start`, the
 * Playwright server) the built JavaScript in the build directory, so no TypeScript tool is
 * needed at run time; anywhere else (the dev server, Vitest, tsx scripts) the TypeScript
 * source through tsx, beside this module or in the app's folder. CHANCERY_PDF_WORKER
 * overrides both. Neither depends on the working directory (lib/app-paths.ts).
 */
export function defaultWorkerFile(): string {
  const env = process.env;
  if (env.CHANCERY_PDF_WORKER) return path.resolve(/*turbopackIgnore: true*/ env.CHANCERY_PDF_WORKER);
  if (env.NODE_ENV === "production") {
    const built = path.join(buildDir(), BUILT_WORKER_NAME);
    if (!fs.existsSync(built)) {
      throw new Error(
        `The PDF worker ${built} is missing: run \`npm run build\` (it builds the worker beside the app).`,
      );
    }
    return built;
  }
  if (import.meta.url.startsWith("file:")) {
    const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), SOURCE_WORKER_NAME);
    if (fs.existsSync(beside)) return beside;
  }
  return path.resolve(/*turbopackIgnore: true*/ appRoot(), "lib", "pdf", SOURCE_WORKER_NAME);
}

export interface ThreadOptions {
  threads: number;
  workerFile: string;
  /** Each new thread prints a small briefing before taking work (lib/pdf/warm-up.ts). */
  warmUp: boolean;
  /** Tasks after which the threads are replaced, before react-pdf's per-render leak adds up. */
  recycleAfter: number;
}

/** One generation of threads and the tasks it still has to finish. */
interface Generation {
  piscina: Piscina;
  tasks: number;
  inFlight: number;
  retired: boolean;
  /** Its threads' counters (render-worker.ts): [0] loaded the renderer, [1] warmed up, [2] library patches on. */
  counters: Int32Array;
}

/** What the readiness check reports of the threads. */
export interface ThreadStatus {
  /** Threads the pool runs. */
  threads: number;
  /** Threads of the current generation that are alive. */
  alive: number;
  /** Threads of the current generation that have loaded the renderer (warm or not). */
  loaded: number;
  /** Of those, the ones that have also printed their warm-up briefing. */
  warm: number;
  /**
   * The library patches (lib/pdf/library-patches) the threads applied: all of them unless a
   * start-up check found fontkit or pdfkit changed. Null until a thread has loaded.
   */
  libraryPatches: LibraryPatchName[] | null;
  closing: boolean;
}

/**
 * The render threads, replaced by a fresh generation every `recycleAfter` tasks. The new
 * generation warms up while the current one keeps working, and takes over only once each of
 * its threads has answered a ping (which it does after loading the renderer and printing its
 * warm-up briefing). The old generation is destroyed once its last task has settled, so
 * nothing in flight is cut off and no task waits for a cold thread.
 */
export class RenderThreads {
  /** How many times the threads have been replaced. */
  replacements = 0;
  private current: Generation;
  private next: Generation | null = null;
  private readonly retiring = new Set<Generation>();
  private readonly exits = new Set<Promise<void>>();
  private closing = false;
  private closed: Promise<void> | null = null;

  constructor(private readonly options: ThreadOptions) {
    this.current = this.startGeneration();
  }

  /** Runs one task on the current threads; the caller never gives a thread more than one. */
  async run<R = Uint8Array>(
    task: object,
    { signal, transferList }: { signal: AbortSignal; transferList?: ArrayBuffer[] },
  ): Promise<R> {
    if (this.closing) throw new Error("The PDF service is shutting down.");
    this.replaceIfDue();
    const generation = this.current;
    generation.tasks += 1;
    generation.inFlight += 1;
    try {
      return await generation.piscina.run(task, { signal, transferList });
    } finally {
      generation.inFlight -= 1;
      this.destroyIfDrained(generation);
    }
  }

  /** The current threads: alive, and loaded (a replaced thread that crashed counts again once reloaded). */
  status(): ThreadStatus {
    const { current } = this;
    const alive = this.closing ? 0 : current.piscina.threads.length;
    const count = (index: number) => Math.min(Atomics.load(current.counters, index), alive);
    return {
      threads: this.options.threads,
      alive,
      loaded: count(0),
      warm: count(1),
      libraryPatches: decodeActivePatches(Atomics.load(current.counters, 2)),
      closing: this.closing,
    };
  }

  /** Stops every thread; tasks still running are rejected. Safe to call more than once. */
  close(): Promise<void> {
    this.closing = true;
    this.closed ??= this.stopAll();
    return this.closed;
  }

  private startGeneration(): Generation {
    const { threads, workerFile, warmUp } = this.options;
    const loaded = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const piscina = new Piscina({
      filename: workerFile,
      minThreads: threads,
      maxThreads: threads,
      // The pool's RenderQueue hands each thread one task at a time, so this queue stays
      // empty; the bound only catches a mistake in that.
      maxQueue: threads,
      concurrentTasksPerWorker: 1,
      workerData: { warmUp, loaded },
      // React's development build only slows rendering down; nothing in a PDF needs it.
      env: { ...process.env, NODE_ENV: "production" },
    });
    // Piscina emits 'error' for a worker that fails outside a task; without a listener that
    // would crash the server. The task itself still rejects, so nothing is lost.
    piscina.on("error", (error: unknown) => console.error("PDF worker error:", error));
    return { piscina, tasks: 0, inFlight: 0, retired: false, counters: new Int32Array(loaded) };
  }

  private replaceIfDue(): void {
    if (this.closing || this.next || this.current.tasks < this.options.recycleAfter) return;
    const next = this.startGeneration();
    this.next = next;
    const pings = Array.from({ length: this.options.threads }, () => next.piscina.run({ kind: "ping" }));
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

  private async stopAll(): Promise<void> {
    const generations = [this.current, ...this.retiring, ...(this.next ? [this.next] : [])];
    this.retiring.clear();
    await Promise.all([...generations.map((g) => g.piscina.destroy()), ...this.exits]);
  }
}

/**
 * The PDF worker of bench:pdf's RSS runs (bench/pdf-rss.ts): the app's own worker
 * (lib/pdf/render-worker.mjs), plus a full garbage collection on request, so the RSS samples
 * count what the render threads keep, as the main thread's collection before each sample
 * already did for it, not the garbage a thread has yet to collect. (The end figure still moves
 * by ~100 MB from run to run, as glibc hands freed memory back or not: bench:pdf repeats the
 * runs.) A request on one BroadcastChannel reaches every thread, each collects when its event
 * loop next turns and answers on the other.
 */
import { BroadcastChannel } from "node:worker_threads";

const { default: renderStep } = await import("../lib/pdf/render-worker.mjs");

// The same two names as in bench/pdf-rss.ts.
const requests = new BroadcastChannel("chancery-bench-collect");
const answers = new BroadcastChannel("chancery-bench-collected");
requests.onmessage = () => {
  globalThis.gc?.();
  answers.postMessage(typeof globalThis.gc === "function");
};
// Never what keeps a thread alive: the pool ends its threads when it closes.
requests.unref();

export default renderStep;

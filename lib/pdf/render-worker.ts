/**
 * Piscina worker entry: one step of the PDF pipeline (lib/pdf/render.ts) per task.
 *   { kind: "parts", inputs, claims? }      → parts of a briefing from their render inputs, in a row
 *                                             (with claims, those this thread claims first)
 *   { kind: "assemble", doc, plans, parts, keys } → the parts merged, chrome and page numbers stamped,
 *                                             bookmarks (assembly/)
 *   { kind: "ping" }                        → nothing (the thread is loaded and warm)
 *   { kind: "probe" }                       → which library patches (lib/pdf/library-patches) are
 *                                             on, and whether they apply to the fontkit and pdfkit
 *                                             this thread renders with
 * `npm run build` bundles this file to <build dir>/pdf-worker.mjs (scripts/build-server-code.mjs),
 * which production threads load; in development render-worker.mjs loads it through tsx.
 */
import os from "node:os";
import { move, workerData } from "piscina";
import { RENDER_THREAD_NICE } from "./render-priority";
import type { BriefingDocument } from "../briefing/document";
import type { PartInput } from "./parts/part-input";
import type { PartPlan } from "./parts/plan";
import { registerPdfFonts } from "./fonts";
import { activeLibraryPatches, libraryPatchUses, type LibraryPatchName } from "./library-patches";
import { encodeActivePatches } from "./library-patches/library-patch";
import { renderWithTasks } from "./pipeline";
import { inThreadTasks } from "./render";
import { WARM_UP_DOCUMENT, warmUpBriefing } from "./warm-up";

/** The tasks lib/pdf/pool.ts sends (its PdfTask), and the two the threads' owner sends. */
export type WorkerTask =
  | { kind: "parts"; inputs: PartInput[]; claims?: Int32Array }
  | { kind: "assemble"; doc: BriefingDocument; plans: PartPlan[]; parts: Uint8Array[]; keys: string[] | null }
  | { kind: "ping" }
  | { kind: "probe" };

export interface LibraryPatchProbe {
  /** The patches whose start-up check passed, now applied in this thread. */
  active: LibraryPatchName[];
  /** The active patches that answered calls during a render (see LibraryPatch.uses). */
  used: LibraryPatchName[];
  /** This thread's nice value (RENDER_THREAD_NICE on Linux). */
  nice: number;
}

// Render threads yield the CPU to the thread that serves requests: a page should not wait for
// a PDF. On Linux the nice value belongs to the calling thread (setpriority(2), "BUGS"), so
// this lowers this render thread only; elsewhere it would renice the whole server, so not there.
if (process.platform === "linux") {
  try {
    os.setPriority(RENDER_THREAD_NICE);
  } catch {
    // Not permitted here: render at normal priority.
  }
}

const data = workerData as { warmUp?: boolean; loaded?: SharedArrayBuffer } | undefined;

// The renderer has loaded and the library patches are checked and applied (registering the
// fonts does both): count this thread in, for the readiness check (which must not wait for
// the warm-up below). Shared by the threads of one generation (pool-threads.ts): [0] loaded,
// [1] warm, [2] the active library patches.
registerPdfFonts();
const counters = data?.loaded ? new Int32Array(data.loaded) : null;
if (counters) {
  Atomics.store(counters, 2, encodeActivePatches(activeLibraryPatches()));
  Atomics.add(counters, 0, 1);
}

// Print a briefing a few times before taking work, so the first real one is not the one that
// pays for parsing fonts and compiling code: one small warm-up left the first 20-page download
// 4× slower than the next ones, the JIT being cold. Bounded in time, as readiness waits for it
// (app/_startup/readiness.ts). A failure here is logged and the thread still serves: real
// renders report their own errors.
const WARM_UP_RENDERS = 6;
const WARM_UP_BUDGET_MS = 2_500;
if (data?.warmUp) {
  const started = performance.now();
  try {
    for (let round = 0; round < WARM_UP_RENDERS && performance.now() - started < WARM_UP_BUDGET_MS; round++) {
      await renderWithTasks(warmUpBriefing(round), inThreadTasks);
    }
  } catch (error) {
    console.error("PDF worker warm-up failed:", error);
  }
}
if (counters) Atomics.add(counters, 1, 1);

/** A fresh ArrayBuffer of exactly the PDF's size: transferred instead of copied, and no bigger than the PDF in the part cache. */
function exactCopy(pdf: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(pdf.byteLength);
  bytes.set(pdf);
  return bytes;
}

function transferable(pdf: Uint8Array) {
  return move(exactCopy(pdf));
}

/**
 * Renders the warm-up briefing and reports which active patches answered calls meanwhile: a
 * patch only does when react-pdf's own fontkit and pdfkit are the patched copies (a bundle
 * that inlined a second copy would render unpatched, slower, and leave it out of `used`).
 */
async function probeLibraryPatches(): Promise<LibraryPatchProbe> {
  const before = libraryPatchUses();
  await renderWithTasks(WARM_UP_DOCUMENT, inThreadTasks);
  const after = libraryPatchUses();
  const used = activeLibraryPatches().filter((name) => (after[name] ?? 0) > (before[name] ?? 0));
  return { active: activeLibraryPatches(), used, nice: os.getPriority() };
}

export default async function renderStep(task: WorkerTask) {
  switch (task.kind) {
    // Copied back (structured clone), exactly their size: a few hundred KB, under a millisecond.
    case "parts":
      return (await inThreadTasks.parts(task.inputs, task.claims)).map((part) => part && exactCopy(part));
    case "assemble":
      return transferable(await inThreadTasks.assemble(task.doc, task.plans, task.parts, task.keys));
    // Answered once this module has loaded and warmed up: the pool switches to new threads then.
    case "ping":
      return null;
    case "probe":
      return probeLibraryPatches();
    default:
      throw new Error(`Unknown PDF task "${(task as { kind: unknown }).kind}"`);
  }
}

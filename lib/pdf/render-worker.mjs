/**
 * Piscina worker entry: one step of the PDF pipeline (lib/pdf/render.ts) per task.
 *   { kind: "part", doc, plan }            → one part of the body
 *   { kind: "assemble", doc, plans, parts } → cover, contents, merge, page numbers, bookmarks
 *   { kind: "whole", doc, plans }           → every step here (a briefing short enough for one part)
 *   { kind: "ping" }                        → nothing (the thread is loaded and warm)
 * Plain .mjs so that Node can load it as-is from any host (Vitest, tsx scripts, `next start`):
 * the renderer itself is TypeScript, so this thread registers tsx's loader first (a worker
 * thread does not inherit the loader its parent was started with).
 */
import { move, workerData } from "piscina";

const { register } = await import("tsx/esm/api");
register();
const { inThreadTasks } = await import("./render.ts");
const { renderWithTasks } = await import("./pipeline.ts");

// Print a small briefing before taking work, so the first real one is not the one that pays
// for parsing fonts and compiling code (a cold thread took seconds more). A failure here is
// logged and the thread still serves: real renders report their own errors.
if (workerData?.warmUp) {
  const { WARM_UP_DOCUMENT } = await import("./warm-up.ts");
  await renderWithTasks(WARM_UP_DOCUMENT, inThreadTasks).catch((error) => console.error("PDF worker warm-up failed:", error));
}

/** A fresh ArrayBuffer of exactly the PDF's size can be transferred instead of copied. */
function transferable(pdf) {
  const bytes = new Uint8Array(pdf.byteLength);
  bytes.set(pdf);
  return move(bytes);
}

export default async function renderStep(task) {
  switch (task.kind) {
    case "part": return transferable(await inThreadTasks.part(task.doc, task.plan));
    case "assemble": return transferable(await inThreadTasks.assemble(task.doc, task.plans, task.parts));
    case "whole": return transferable(await renderWithTasks(task.doc, inThreadTasks, task.plans));
    // Answered once this module has loaded and warmed up: the pool switches to new threads then.
    case "ping": return null;
    default: throw new Error(`Unknown PDF task "${task.kind}"`);
  }
}

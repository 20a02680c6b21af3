/**
 * Piscina worker entry: renders one BriefingDocument to PDF bytes in a worker thread.
 * Plain .mjs so that Node can load it as-is from any host (Vitest, tsx scripts, `next start`):
 * the renderer itself is TypeScript, so this thread registers tsx's loader first (a worker
 * thread does not inherit the loader its parent was started with).
 */
import { move } from "piscina";

const { register } = await import("tsx/esm/api");
register();
const { renderBriefingPdf } = await import("./render.ts");

/** @param {import("../briefing/document").BriefingDocument} doc */
export default async function renderInWorker(doc) {
  const pdf = await renderBriefingPdf(doc);
  // A fresh ArrayBuffer of exactly the PDF's size can be transferred instead of copied.
  const bytes = new Uint8Array(pdf.byteLength);
  bytes.set(pdf);
  return move(bytes);
}

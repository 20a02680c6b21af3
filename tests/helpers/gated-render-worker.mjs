/**
 * The real render thread (lib/pdf/render-worker.mjs) behind the gate of gate-worker.mjs: a task
 * whose document carries a `gate` waits until the test opens it, so it runs past any time limit
 * the test sets, on no timing of the machine's; every other task renders a real PDF. For the
 * test that a pool still renders after it stopped a render at its time limit.
 */
import renderStep from "../../lib/pdf/render-worker.mjs";

export default async function gatedRenderStep(task) {
  const gate = task.doc?.gate;
  if (!gate) return renderStep(task);
  const waiting = Atomics.waitAsync(gate, 0, 0);
  if (waiting.async) await waiting.value;
  return new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]); // "%PDF-"
}

/**
 * A stand-in render thread for tests of the pool's scheduling (admission, queue wait, time
 * limits), where only *when* a task finishes matters. A task whose document carries a `gate`
 * (an Int32Array over a SharedArrayBuffer) waits until the test opens it with openGate();
 * any other task answers at once with a few bytes. The real renderer is tested elsewhere.
 */
export default async function gatedStep(task) {
  if (task.kind === "ping") return null;
  const gate = task.doc?.gate;
  if (gate) {
    const waiting = Atomics.waitAsync(gate, 0, 0);
    if (waiting.async) await waiting.value;
  }
  return new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]); // "%PDF-"
}

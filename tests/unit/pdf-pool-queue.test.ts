import { describe, expect, it } from "vitest";
import { RenderQueue } from "@/lib/pdf/pool-queue";

/** A queue over one slot whose tasks finish when the test says so, recording the start order. */
function manualQueue() {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const queue = new RenderQueue<string>(1, ({ task }) => {
    started.push(task);
    return new Promise((resolve) => finishers.set(task, () => resolve(new Uint8Array([1]))));
  });
  const finish = async (task: string) => {
    finishers.get(task)!();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { queue, started, finish };
}

const live = () => new AbortController().signal;

describe("RenderQueue", () => {
  it("runs one task per slot, first in first out, urgent tasks before the waiting ones", async () => {
    const { queue, started, finish } = manualQueue();
    const results = ["a", "b", "c"].map((task) => queue.submit({ task, signal: live() }));
    void queue.submit({ task: "urgent", signal: live(), urgent: true });
    expect(started).toEqual(["a"]);
    expect(queue.size).toBe(3);
    await finish("a");
    expect(started).toEqual(["a", "urgent"]);
    await finish("urgent");
    await finish("b");
    expect(started).toEqual(["a", "urgent", "b", "c"]);
    await expect(results[0]).resolves.toEqual(new Uint8Array([1]));
  });

  it("drops a waiting task whose signal aborts, with an AbortError, and never starts it", async () => {
    const { queue, started, finish } = manualQueue();
    void queue.submit({ task: "a", signal: live() });
    const controller = new AbortController();
    const b = queue.submit({ task: "b", signal: controller.signal });
    controller.abort();
    await expect(b).rejects.toMatchObject({ name: "AbortError" });
    expect(queue.size).toBe(0);
    await finish("a");
    expect(started).toEqual(["a"]);
  });

  it("rejects every waiting task when cleared", async () => {
    const { queue } = manualQueue();
    void queue.submit({ task: "a", signal: live() });
    const waiting = queue.submit({ task: "b", signal: live(), urgent: true });
    queue.clear(new Error("closing"));
    await expect(waiting).rejects.toThrow("closing");
    expect(queue.size).toBe(0);
  });
});

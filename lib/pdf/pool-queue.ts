/** A task for the render threads, with the signal that cancels it (time limit, failed sibling). */
export interface QueuedTask<T> {
  task: T;
  signal: AbortSignal;
  /** Runs before every task that is not urgent (a briefing's assembly: its parts are done). */
  urgent?: boolean;
  /** Called as the task leaves the queue for a thread (the render's time limit starts then). */
  onStart?: () => void;
}

interface Entry<T, R> extends QueuedTask<T> {
  resolve(value: R): void;
  reject(error: unknown): void;
  stopListening(): void;
}

/**
 * The render pool's own queue. It hands a thread at most one task at a time, so the threads'
 * own queue stays empty and the order is decided here: first in, first out, except that
 * urgent tasks go first. Piscina's queue could not do this: a task with an abort signal that
 * finds every thread busy goes to a side queue that ignores a custom order, and under a
 * steady stream of short briefings a long one's parts were passed over until they timed out.
 */
export class RenderQueue<T, R = Uint8Array> {
  private readonly urgent: Entry<T, R>[] = [];
  private readonly waiting: Entry<T, R>[] = [];
  private running = 0;

  constructor(
    private readonly slots: number,
    private readonly start: (queued: QueuedTask<T>) => Promise<R>,
  ) {}

  /** Tasks waiting for a thread (running ones not counted). */
  get size(): number {
    return this.urgent.length + this.waiting.length;
  }

  /** Queues a task; it settles with the thread's result, or rejects when its signal aborts first. */
  submit(queued: QueuedTask<T>): Promise<R> {
    return new Promise((resolve, reject) => {
      const { signal } = queued;
      if (signal.aborted) return reject(abortError(signal));
      const onAbort = () => {
        this.remove(entry);
        reject(abortError(signal));
      };
      const entry: Entry<T, R> = {
        ...queued,
        resolve,
        reject,
        stopListening: () => signal.removeEventListener("abort", onAbort),
      };
      signal.addEventListener("abort", onAbort, { once: true });
      (queued.urgent ? this.urgent : this.waiting).push(entry);
      this.pump();
    });
  }

  /** Rejects every waiting task (the pool is closing). */
  clear(error: Error): void {
    for (const entry of [...this.urgent.splice(0), ...this.waiting.splice(0)]) {
      entry.stopListening();
      entry.reject(error);
    }
  }

  private pump(): void {
    while (this.running < this.slots) {
      const entry = this.urgent.shift() ?? this.waiting.shift();
      if (!entry) return;
      entry.stopListening();
      entry.onStart?.();
      this.running += 1;
      this.startSafely(entry)
        .then(entry.resolve, entry.reject)
        .finally(() => {
          this.running -= 1;
          // After the microtasks this result sets off: a briefing whose last part just
          // finished queues its assembly there, and that should be the next task, not the
          // next waiting part.
          setImmediate(() => this.pump());
        });
    }
  }

  /** A start that throws at once still settles, so its slot is freed. */
  private startSafely(entry: Entry<T, R>): Promise<R> {
    try {
      return this.start(entry);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private remove(entry: Entry<T, R>): void {
    for (const list of [this.urgent, this.waiting]) {
      const index = list.indexOf(entry);
      if (index >= 0) list.splice(index, 1);
    }
  }
}

/** The error Piscina gives a cancelled task, so callers handle both the same way. */
function abortError(signal: AbortSignal): Error {
  const error = new Error("The task was cancelled before it started", { cause: signal.reason });
  error.name = "AbortError";
  return error;
}

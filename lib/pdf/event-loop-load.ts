import { performance, type EventLoopUtilization } from "node:perf_hooks";

/**
 * How busy this thread's event loop has been lately: the share of the last ~`windowMs` it
 * spent running code (any request's, timers', I/O callbacks') rather than waiting for work.
 * An unref'd timer keeps `slices` deltas of Node's event-loop utilisation; a read adds the
 * time since the last one, so a loop that has been blocked since then already reads as busy.
 *
 * Why the PDF pool asks: each download also costs the request thread ~10 ms (the reads, the
 * document build, the audit row), so a flood of downloads can starve pages even while the
 * render threads have room (bench:load: light pages p50 ~1.1 s at ~94 % load).
 */
export class EventLoopLoad {
  private readonly slices: EventLoopUtilization[] = [];
  private last = performance.eventLoopUtilization();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly windowMs = 1_000,
    private readonly sliceCount = 10,
  ) {
    this.timer = setInterval(() => this.sample(), windowMs / sliceCount);
    this.timer.unref();
  }

  private sample(): void {
    const now = performance.eventLoopUtilization();
    this.slices.push(performance.eventLoopUtilization(now, this.last));
    if (this.slices.length > this.sliceCount) this.slices.shift();
    this.last = now;
  }

  /** Busy share of the window, 0 to 1 (0 before anything ran). */
  utilisation(): number {
    const current = performance.eventLoopUtilization(performance.eventLoopUtilization(), this.last);
    let active = current.active;
    let idle = current.idle;
    for (const slice of this.slices) {
      active += slice.active;
      idle += slice.idle;
    }
    return active + idle > 0 ? active / (active + idle) : 0;
  }

  close(): void {
    clearInterval(this.timer);
  }
}

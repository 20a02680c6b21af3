/** Small measuring tools for the benchmark: medians, percentiles and an RSS sampler. */

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values: number[]) => percentile(values, 50);

/** Samples this process's RSS (main thread and worker threads alike) every few ms. */
export class RssSampler {
  private peak = 0;
  private timer: NodeJS.Timeout | null = null;

  start(): this {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    }, 5);
    return this;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return Math.max(this.peak, process.memoryUsage.rss());
  }
}

export interface CaseResult {
  medianMs: number;
  pages: number;
  bytes: number;
  peakRss: number;
}

/**
 * Runs `fn` `runs` times after `warmups` untimed runs (the JIT needs a few, in every worker
 * thread); the median time, with pages and bytes of the last output.
 */
export async function timeCase(runs: number, fn: () => Promise<Buffer>, countPages: (pdf: Buffer) => Promise<number>, warmups = 5): Promise<CaseResult> {
  for (let i = 0; i < warmups; i++) await fn();
  const sampler = new RssSampler().start();
  const times: number[] = [];
  let last: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await fn();
    times.push(performance.now() - start);
  }
  const peakRss = sampler.stop();
  return { medianMs: median(times), pages: await countPages(last), bytes: last.length, peakRss };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

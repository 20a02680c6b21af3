/** Small measuring tools for the benchmark: medians, percentiles and an RSS sampler. */

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values: number[]) => percentile(values, 50);

/**
 * Samples this process's RSS (main thread and worker threads alike) every few ms, keeping the
 * peak for whichever case is running (see timeSideBySide).
 */
export class RssSampler {
  private readonly peaks = new Map<string, number>();
  private label = "";
  private timer: NodeJS.Timeout | null = null;

  start(): this {
    this.timer = setInterval(() => this.sample(), 5);
    return this;
  }

  /** From now on, samples count for `label`. */
  running(label: string): void {
    this.sample();
    this.label = label;
    this.sample();
  }

  peak(label: string): number {
    return this.peaks.get(label) ?? 0;
  }

  stop(): void {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private sample(): void {
    if (this.label) this.peaks.set(this.label, Math.max(this.peaks.get(this.label) ?? 0, process.memoryUsage.rss()));
  }
}

export interface CaseResult {
  medianMs: number;
  pages: number;
  bytes: number;
  peakRss: number;
}

/**
 * Times several renderers side by side: each gets `warmups` untimed runs (the JIT needs a
 * few, in every worker thread), then the timed runs take turns, one of each per round, so a
 * change in the machine's speed during the benchmark (this VM varies by a quarter) touches
 * every renderer alike and the ratios stay fair. Medians, with the pages and bytes of each
 * renderer's last output.
 */
export async function timeSideBySide<K extends string>(
  runs: number,
  cases: Record<K, () => Promise<Buffer>>,
  countPages: (pdf: Buffer) => Promise<number>,
  warmups = 5,
): Promise<Record<K, CaseResult>> {
  const names = Object.keys(cases) as K[];
  for (const name of names) for (let i = 0; i < warmups; i++) await cases[name]();
  const sampler = new RssSampler().start();
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  const last = new Map<K, Buffer>();
  for (let round = 0; round < runs; round++) {
    for (const name of names) {
      // A short pause between renderers, untimed, so that one's leftovers (Chromium's
      // processes finishing a print, a collection in a thread) do not land on the next.
      await new Promise((resolve) => setTimeout(resolve, 30));
      sampler.running(name);
      const start = performance.now();
      last.set(name, await cases[name]());
      times.get(name)!.push(performance.now() - start);
    }
  }
  sampler.stop();
  const results = {} as Record<K, CaseResult>;
  for (const name of names) {
    const pdf = last.get(name)!;
    results[name] = {
      medianMs: median(times.get(name)!),
      pages: await countPages(pdf),
      bytes: pdf.length,
      peakRss: sampler.peak(name),
    };
  }
  return results;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

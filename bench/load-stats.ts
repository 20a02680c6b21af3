/**
 * What bench:load counts: every request's kind, status and latency, summed up per kind and
 * judged against issue 11's targets. Pure, so tests/unit/load-stats.test.ts can check it.
 */
import { percentile } from "./measure";

/** An HTTP status, or what happened when no status came back. */
export type Outcome = number | "timeout" | "network error";

/** Statuses that mean the server failed rather than answered: 503 and 429 are honest refusals. */
export const SERVER_FAILURES = new Set<Outcome>([500, 501, 502, 504]);

export interface KindSummary {
  kind: string;
  requests: number;
  statuses: [Outcome, number][];
  p50: number;
  p99: number;
}

export class LoadTally {
  private readonly byKind = new Map<string, { outcomes: Map<Outcome, number>; ms: number[] }>();

  record(kind: string, outcome: Outcome, ms: number): void {
    let entry = this.byKind.get(kind);
    if (!entry) this.byKind.set(kind, (entry = { outcomes: new Map(), ms: [] }));
    entry.outcomes.set(outcome, (entry.outcomes.get(outcome) ?? 0) + 1);
    entry.ms.push(ms);
  }

  get total(): number {
    let n = 0;
    for (const entry of this.byKind.values()) n += entry.ms.length;
    return n;
  }

  /** Responses (or non-answers) that are failures, not honest refusals, over all kinds. */
  failures(): { serverErrors: number; unanswered: number } {
    let serverErrors = 0;
    let unanswered = 0;
    for (const entry of this.byKind.values()) {
      for (const [outcome, count] of entry.outcomes) {
        if (SERVER_FAILURES.has(outcome)) serverErrors += count;
        if (typeof outcome !== "number") unanswered += count;
      }
    }
    return { serverErrors, unanswered };
  }

  /** The p-th percentile latency over the given kinds together (NaN when none ran). */
  percentileOf(kinds: readonly string[], p: number): number {
    const ms = kinds.flatMap((kind) => this.byKind.get(kind)?.ms ?? []);
    return ms.length ? percentile(ms, p) : Number.NaN;
  }

  /** Requests of a kind that ended with this outcome. */
  count(kind: string, outcome: Outcome): number {
    return this.byKind.get(kind)?.outcomes.get(outcome) ?? 0;
  }

  summary(): KindSummary[] {
    return [...this.byKind].map(([kind, entry]) => ({
      kind,
      requests: entry.ms.length,
      statuses: [...entry.outcomes].sort(([a], [b]) => String(a).localeCompare(String(b))),
      p50: percentile(entry.ms, 50),
      p99: percentile(entry.ms, 99),
    }));
  }
}

/** A weighted random pick: `roll` in [0, 1) chooses among the entries by weight. */
export function pickWeighted<T extends string>(weights: Record<T, number>, roll: number): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let at = roll * total;
  for (const [name, weight] of entries) {
    if (at < weight) return name;
    at -= weight;
  }
  return entries[entries.length - 1][0];
}

/** The pool's capacity as lib/pdf/pool.ts sets it by default: a task per thread plus a queue of four per thread. */
export function pdfPoolCapacity(threads: number): number {
  return threads + threads * 4;
}

/** One run's headline figures, for the side-by-side comparison of --baseline-env. */
export interface RunFigures {
  lightP50: number;
  lightP99: number;
  /** Saves the server acknowledged: work people got done. */
  saves: number;
  pdfsServed: number;
  pdfsRefused: number;
  rssEndBytes: number;
  /** 500–502/504 plus requests left unanswered: 0 in a good run. */
  failures: number;
}

const FIGURES: { key: keyof RunFigures; label: string; unit: "ms" | "n" | "MB" }[] = [
  { key: "lightP50", label: "light pages p50", unit: "ms" },
  { key: "lightP99", label: "light pages p99", unit: "ms" },
  { key: "saves", label: "saves acknowledged", unit: "n" },
  { key: "pdfsServed", label: "PDFs served (200)", unit: "n" },
  { key: "pdfsRefused", label: "PDFs refused (503/429)", unit: "n" },
  { key: "rssEndBytes", label: "server RSS at the end", unit: "MB" },
  { key: "failures", label: "server errors + unanswered", unit: "n" },
];

// Not measure.ts's median, the lower middle value: with the default 2 rounds that would be
// the better run of each side, not their middle.
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Rows of the side-by-side table: each figure's median over the runs of each side, every run's
 * value, and the ratio this code ÷ baseline (NaN when the baseline's median is 0).
 */
export function compareRuns(
  baseline: RunFigures[],
  candidate: RunFigures[],
): { label: string; baseline: string; candidate: string; ratio: number }[] {
  const show = (unit: string, values: number[]) => {
    const one = (v: number) => (unit === "MB" ? `${(v / 1024 / 1024).toFixed(0)} MB` : v.toFixed(0));
    return `${one(median(values))} (${values.map(one).join(", ")})`;
  };
  return FIGURES.map(({ key, label, unit }) => {
    const b = baseline.map((run) => run[key]);
    const c = candidate.map((run) => run[key]);
    const ratio = median(b) === 0 ? Number.NaN : median(c) / median(b);
    return { label, baseline: show(unit, b), candidate: show(unit, c), ratio };
  });
}

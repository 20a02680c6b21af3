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

import type { Fact } from "@/db/schema";
import type { CitationRegistry } from "./citations";
import type { KeyFigure } from "./document";
import { figureDisplay, metricLabel } from "./labels";

const RANK_ORDER = { preferred: 0, normal: 1, deprecated: 2 } as const;

/**
 * One row per metric and period. Two facts that give different values for the same metric
 * key and period are both kept, side by side, and the row is flagged — never one silently.
 * A value an admin ranked preferred comes first (then normal, then deprecated), as Wikidata
 * ranks statements; within a rank the facts keep the briefing's order.
 */
export function buildKeyFigures(facts: Fact[], citations: CitationRegistry): KeyFigure[] {
  const rows = new Map<string, KeyFigure>();
  for (const f of facts) {
    if (f.kind !== "figure" || f.metricKey === null || f.value === null || f.unit === null) continue;
    const period = f.periodLabel ?? f.dateStart.slice(0, 4);
    const key = `${f.metricKey}\u0000${period}`;
    const row = rows.get(key) ?? {
      metricKey: f.metricKey,
      label: metricLabel(f.metricKey),
      period,
      values: [],
      disagreement: false,
    };
    const display = figureDisplay({ value: f.value, unit: f.unit, currency: f.currency, approximate: f.approximate });
    const value = {
      value: f.value,
      unit: f.unit,
      currency: f.currency,
      display,
      approximate: f.approximate,
      preferred: f.rank === "preferred",
      deprecated: f.rank === "deprecated",
      factId: f.id,
      citation: citations.cite(f.sourceId),
    };
    row.values.push(value);
    row.disagreement =
      new Set(row.values.map((v) => `${v.approximate ? "~" : ""}${v.value} ${v.unit} ${v.currency ?? ""}`)).size > 1;
    rows.set(key, row);
  }
  const rankOf = (v: KeyFigure["values"][number]) =>
    v.preferred ? RANK_ORDER.preferred : v.deprecated ? RANK_ORDER.deprecated : RANK_ORDER.normal;
  for (const row of rows.values())
    row.values = row.values
      .map((v, i) => ({ v, i }))
      .sort((a, b) => rankOf(a.v) - rankOf(b.v) || a.i - b.i)
      .map((x) => x.v);
  return [...rows.values()];
}

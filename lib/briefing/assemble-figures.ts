import type { Fact } from "@/db/schema";
import type { CitationRegistry } from "./citations";
import type { KeyFigure } from "./document";
import { figureDisplay, metricLabel } from "./labels";

/**
 * One row per metric and period. Two facts that give different values for the same metric
 * key and period are both kept, side by side, and the row is flagged — never one silently.
 */
export function buildKeyFigures(facts: Fact[], citations: CitationRegistry): KeyFigure[] {
  const rows = new Map<string, KeyFigure>();
  for (const f of facts) {
    if (f.kind !== "figure" || f.metricKey === null || f.value === null || f.unit === null) continue;
    const period = f.periodLabel ?? f.dateStart.slice(0, 4);
    const key = `${f.metricKey}\u0000${period}`;
    const row = rows.get(key) ?? { metricKey: f.metricKey, label: metricLabel(f.metricKey), period, values: [], disagreement: false };
    const value = { value: f.value, unit: f.unit, currency: f.currency, display: figureDisplay({ value: f.value, unit: f.unit, currency: f.currency }), factId: f.id, citation: citations.cite(f.sourceId) };
    row.values.push(value);
    row.disagreement = new Set(row.values.map((v) => `${v.value} ${v.unit} ${v.currency ?? ""}`)).size > 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

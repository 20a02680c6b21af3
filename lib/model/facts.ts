/** What a fact is: a statement, a figure, a commitment… (the `facts.kind` column and every form). */
export const FACT_KINDS = ["statement", "figure", "commitment", "announcement", "outcome", "quote"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * How a figure ranks among others for the same metric and period, as Wikidata ranks statements:
 * "preferred" prints first, "deprecated" is kept (with its source) but named as superseded.
 */
export const FIGURE_RANKS = ["preferred", "normal", "deprecated"] as const;
export type FigureRank = (typeof FIGURE_RANKS)[number];

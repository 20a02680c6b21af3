/**
 * The reference data: the parties, topics, people and meetings that facts and briefings
 * point at. Admins keep all four kinds with the same list, form, history and trash pages.
 */
export const REFERENCE_KINDS = ["party", "topic", "person", "meeting"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

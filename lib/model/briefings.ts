/** A draft is edited; a final one is frozen with its snapshot (see lib/briefing/document.ts). */
export const BRIEFING_STATUSES = ["draft", "final"] as const;

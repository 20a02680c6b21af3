/** The kinds of meeting a briefing tells apart (labels in lib/briefing/labels.ts). */
export const MEETING_FORMATS = [
  "ministerial",
  "political-security-dialogue",
  "summit",
  "visit",
  "bilateral",
  "forum",
  "special-representatives",
  "conference",
  "side-event",
] as const;
export const MEETING_STATUSES = ["held", "announced", "postponed", "cancelled"] as const;
export const MEETING_MODES = ["in-person", "online", "unknown"] as const;
/** What one article says of a meeting: that it was held, announced, or only mentioned. */
export const MEETING_REPORTS = ["held", "announced", "mentioned"] as const;

/** A draft is edited; a final one is frozen with its snapshot (see lib/briefing/document.ts). */
export const BRIEFING_STATUSES = ["draft", "final"] as const;
export type BriefingStatus = (typeof BRIEFING_STATUSES)[number];

/** What the owner shares a briefing as: colleagues who can read (and comment) or also edit it. */
export const SHARE_ACCESS = ["view", "edit"] as const;
export type ShareAccess = (typeof SHARE_ACCESS)[number];

/**
 * Where a request for clearance stands: waiting for any one of its named clearers, approved,
 * returned with a comment, or withdrawn by the owner. Only the latest request of a briefing counts.
 */
export const CLEARANCE_STATUSES = ["pending", "approved", "returned", "withdrawn"] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];

/** The longest comment (and clearance note or decision comment), in characters. */
export const COMMENT_MAX_CHARS = 4000;

/**
 * Who may do what to a briefing: the one rule that pages, actions, the PDF route and the
 * command line all go through (the data layer applies it in db/queries/briefings/_access.ts,
 * `loadBriefingFor`). Pure: it is given the actor's relationship to the briefing, the operation,
 * the briefing's state and whether the actor is an administrator, and answers allowed, or
 * refused with an HTTP status and a message to show.
 *
 * Relationships (what the data layer works out from the rows):
 *   owner    the user whose briefing it is (briefings.owner_id)
 *   editor   shared with them as "can edit" (briefing_shares.access = 'edit')
 *   viewer   shared with them as "can view" (briefing_shares.access = 'view')
 *   clearer  named on the briefing's PENDING clearance request, and holding the clearer role;
 *            the access ends with the request (approved, returned, withdrawn) unless also shared
 *   none     anyone else — administrators included: a briefing is private to the people above
 *
 * States: draft, awaiting-clearance (its latest clearance request is pending), final.
 *
 * The answer, in this order:
 *   1. none → 404 "No such briefing." (whether it exists is not told), except handOver by an admin;
 *   2. a relationship that does not grant the operation → 403;
 *   3. a state that refuses the operation → 400, saying what to do instead;
 *   4. otherwise allowed.
 * A user may hold two relationships (an editor also named as a clearer): `briefingPermissionForAny`
 * allows what any of them allows, and otherwise gives the most telling refusal (lowest status).
 *
 * Operations (rows) by relationship (columns): ✓ granted in every state, ✓ⁿ granted but refused
 * (400) in the states of note n, 403 not granted, 404 not found; "any" is any relationship:
 *
 * | operation          | owner | editor | viewer | clearer | none | what it is                                   |
 * | ------------------ | ----- | ------ | ------ | ------- | ---- | -------------------------------------------- |
 * | view               | ✓     | ✓      | ✓      | ✓       | 404  | the page, the preview, comments, shares       |
 * | download           | ✓     | ✓      | ✓      | ✓       | 404  | the PDF                                      |
 * | downloadCounterpart| ✓     | ✓      | ✓      | ✓       | 404  | the counterpart copy (releasable facts only) |
 * | comment            | ✓ᶠ    | ✓ᶠ     | ✓ᶠ     | ✓ᶠ      | 404  | add a comment or a reply                     |
 * | resolveComment     | ✓ᶠ    | ✓ᶠ     | 403*   | 403*    | 404  | resolve or reopen a thread                   |
 * | edit               | ✓ᵃᶠ   | ✓ᵃᶠ    | 403    | 403     | 404  | save the composer                            |
 * | share              | ✓     | 403    | 403    | 403     | 404  | share, change or remove a colleague's access |
 * | delete             | ✓ᵃ    | 403    | 403    | 403     | 404  | move to the deleted list                     |
 * | restore            | ✓     | 403    | 403    | 403     | 404  | bring back from the deleted list             |
 * | duplicate          | ✓     | 403    | 403    | 403     | 404  | a new draft of one's own from it             |
 * | submitForClearance | ✓ᵃᶠ   | 403    | 403    | 403     | 404  | submit to one or more clearers               |
 * | withdrawClearance  | ✓ᵈᶠ   | 403    | 403    | 403     | 404  | take a pending submission back               |
 * | approve            | 403   | 403    | 403    | ✓ᵈᶠ     | 404  | clear it (no one clears their own briefing)  |
 * | return             | 403   | 403    | 403    | ✓ᵈᶠ     | 404  | send it back with a comment                  |
 * | finalise           | ✓ᵃᶠ   | 403    | 403    | 403     | 404  | freeze it (clearance checked by the data layer) |
 * | startNewRevision   | ✓ᵈᵃ   | 403    | 403    | 403     | 404  | the next draft from a final one              |
 * | handOver           | 403†  | 403†   | 403†   | 403†    | 404† | give a disabled owner's briefings to another user |
 *
 * Notes: ᵈ refused while a draft, ᵃ refused while awaiting clearance, ᶠ refused once final.
 * * the comment's author may still resolve and reopen their own thread (decided by the data
 *   layer, which then asks this rule for `comment`).
 * † handOver is allowed to every administrator, whatever the relationship (they need not see the
 *   briefing's content) and in every state; the data layer checks the owner is disabled.
 * isAdmin changes nothing else: an administrator is refused exactly as staff are.
 * tests/unit/briefing-permissions.test.ts holds the full table, every (relationship × operation
 * × state × isAdmin), and fails for an operation added here without its rows.
 */

export const BRIEFING_OPERATIONS = [
  "view",
  "download",
  "downloadCounterpart",
  "comment",
  "resolveComment",
  "edit",
  "share",
  "delete",
  "restore",
  "duplicate",
  "submitForClearance",
  "withdrawClearance",
  "approve",
  "return",
  "finalise",
  "startNewRevision",
  "handOver",
] as const;
export type BriefingOperation = (typeof BRIEFING_OPERATIONS)[number];

export const BRIEFING_RELATIONSHIPS = ["owner", "editor", "viewer", "clearer", "none"] as const;
export type BriefingRelationship = (typeof BRIEFING_RELATIONSHIPS)[number];

export const BRIEFING_STATES = ["draft", "awaiting-clearance", "final"] as const;
export type BriefingState = (typeof BRIEFING_STATES)[number];

export type BriefingPermission = { allowed: true } | { allowed: false; status: 400 | 403 | 404; reason: string };

export interface BriefingPermissionInput {
  relationship: BriefingRelationship;
  operation: BriefingOperation;
  state: BriefingState;
  isAdmin: boolean;
}

/** The briefing's state from its status and whether its latest clearance request is pending. */
export function briefingState(status: "draft" | "final", pendingClearance: boolean): BriefingState {
  if (status === "final") return "final";
  return pendingClearance ? "awaiting-clearance" : "draft";
}

const NOT_FOUND = "No such briefing.";
const OWNER_ONLY = "Only the briefing's owner can do that.";
const CLEARER_ONLY = "Only a clearer it was submitted to can approve or return it.";
const RESOLVERS = "Only the owner, editors and a comment's author can resolve or reopen it.";

/** What each relationship may do (in the states the operation allows). */
const GRANTS: Record<Exclude<BriefingRelationship, "none">, readonly BriefingOperation[]> = {
  owner: [
    "view",
    "download",
    "downloadCounterpart",
    "comment",
    "resolveComment",
    "edit",
    "share",
    "delete",
    "restore",
    "duplicate",
    "submitForClearance",
    "withdrawClearance",
    "finalise",
    "startNewRevision",
  ],
  editor: ["view", "download", "downloadCounterpart", "comment", "resolveComment", "edit"],
  viewer: ["view", "download", "downloadCounterpart", "comment"],
  clearer: ["view", "download", "downloadCounterpart", "comment", "approve", "return"],
};

/** Why a relationship that does not hold an operation is refused it (403). */
function notGranted(relationship: BriefingRelationship, operation: BriefingOperation): string {
  switch (operation) {
    case "approve":
    case "return":
      return relationship === "owner" ? "No one clears their own briefing." : CLEARER_ONLY;
    case "resolveComment":
      return RESOLVERS;
    case "edit":
      return relationship === "viewer"
        ? "You can view this briefing but not edit it."
        : "A clearer reads and comments on a briefing; only its owner and editors edit it.";
    case "handOver":
      return "Only an administrator hands briefings over.";
    default:
      return OWNER_ONLY;
  }
}

const FINAL_CANNOT_CHANGE = "A finalised briefing cannot be changed; start a new revision.";
const ALREADY_FINAL = "This briefing is already final.";
const NOT_AWAITING = "This briefing is not awaiting clearance.";
const COMMENTS_KEPT = "This briefing is final: its comments are kept as they were. Comment on its new revision.";

/** The states that refuse an operation (400), with what to do instead. */
const REFUSED_IN: Record<BriefingOperation, Partial<Record<BriefingState, string>>> = {
  view: {},
  download: {},
  // The same as the internal copy: whoever may print the briefing may print its releasable part.
  downloadCounterpart: {},
  comment: { final: COMMENTS_KEPT },
  resolveComment: { final: COMMENTS_KEPT },
  edit: {
    "awaiting-clearance":
      "This briefing is awaiting clearance and cannot be changed until a clearer decides or the owner withdraws it.",
    final: FINAL_CANNOT_CHANGE,
  },
  share: {},
  delete: { "awaiting-clearance": "This briefing is awaiting clearance: withdraw it from clearance to delete it." },
  restore: {},
  duplicate: {},
  submitForClearance: { "awaiting-clearance": "This briefing is already awaiting clearance.", final: ALREADY_FINAL },
  withdrawClearance: { draft: NOT_AWAITING, final: ALREADY_FINAL },
  approve: { draft: NOT_AWAITING, final: ALREADY_FINAL },
  return: { draft: NOT_AWAITING, final: ALREADY_FINAL },
  finalise: {
    "awaiting-clearance": "This briefing is awaiting clearance: wait for the clearer's decision, or withdraw it.",
    final: ALREADY_FINAL,
  },
  startNewRevision: {
    draft: "Only a finalised briefing gets a new revision; edit this draft instead.",
    "awaiting-clearance": "Only a finalised briefing gets a new revision; edit this draft instead.",
  },
  handOver: {},
};

/** The rule: see the table at the top of this file. */
export function briefingPermission({
  relationship,
  operation,
  state,
  isAdmin,
}: BriefingPermissionInput): BriefingPermission {
  if (operation === "handOver") {
    if (isAdmin) return { allowed: true };
    if (relationship === "none") return { allowed: false, status: 404, reason: NOT_FOUND };
    return { allowed: false, status: 403, reason: notGranted(relationship, operation) };
  }
  if (relationship === "none") return { allowed: false, status: 404, reason: NOT_FOUND };
  if (!GRANTS[relationship].includes(operation))
    return { allowed: false, status: 403, reason: notGranted(relationship, operation) };
  const refused = REFUSED_IN[operation][state];
  if (refused) return { allowed: false, status: 400, reason: refused };
  return { allowed: true };
}

/**
 * The rule for an actor holding several relationships to one briefing (an editor also named as
 * a clearer): allowed when any of them allows; otherwise the refusal with the lowest status —
 * "not in this state" (400) says more than "not yours to do" (403), which says more than 404.
 * An empty list is `none`.
 */
export function briefingPermissionForAny({
  relationships,
  ...rest
}: Omit<BriefingPermissionInput, "relationship"> & {
  relationships: readonly BriefingRelationship[];
}): BriefingPermission {
  const answers = (relationships.length ? relationships : (["none"] as const)).map((relationship) =>
    briefingPermission({ relationship, ...rest }),
  );
  const allowed = answers.find((a) => a.allowed);
  if (allowed) return allowed;
  return answers.reduce((best, a) => (!a.allowed && !best.allowed && a.status < best.status ? a : best));
}

/** Every operation and whether the actor may do it now: what a page shows buttons for. */
export function allowedOperations(
  input: Omit<BriefingPermissionInput, "relationship" | "operation"> & {
    relationships: readonly BriefingRelationship[];
  },
): Record<BriefingOperation, boolean> {
  return Object.fromEntries(
    BRIEFING_OPERATIONS.map((operation) => [operation, briefingPermissionForAny({ ...input, operation }).allowed]),
  ) as Record<BriefingOperation, boolean>;
}

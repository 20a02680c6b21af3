import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { BriefingSnapshot } from "@/lib/briefing/document";
import { isAdmin, type Actor } from "@/lib/auth/actor";
import {
  allowedOperations,
  briefingPermissionForAny,
  briefingState,
  type BriefingOperation,
  type BriefingPermission,
  type BriefingRelationship,
  type BriefingState,
} from "@/lib/briefing/permissions";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Tx } from "../../client";
import {
  auditLog,
  briefings,
  briefingShares,
  clearanceRequestClearers,
  clearanceRequests,
  type Briefing,
  type BriefingShare,
  type ClearanceRequest,
} from "../../schema";

/*
 * The one door to a briefing: every operation on one (page, action, PDF route, command line)
 * loads it with loadBriefingFor, which works out the actor's relationship to it and its state
 * and applies the rule of lib/briefing/permissions.ts. Checks nothing else; runs on the
 * transaction given, so the decision and the change it guards see the same rows.
 */

/** A briefing's row without its snapshot (a finalised document, large): read that with loadSnapshot. */
export type BriefingRow = Omit<Briefing, "snapshot">;

const { snapshot: _snapshot, ...rowColumns } = getTableColumns(briefings);

/** The frozen snapshot of a finalised briefing (null for a draft). */
export async function loadSnapshot(tx: Tx, briefingId: string): Promise<BriefingSnapshot | null> {
  const [row] = await tx
    .select({ snapshot: briefings.snapshot })
    .from(briefings)
    .where(eq(briefings.id, briefingId))
    .limit(1);
  return row?.snapshot ?? null;
}

/** What loadBriefingFor found: the row, how the actor stands to it, and its state. */
export interface BriefingAccess {
  row: BriefingRow;
  /** Every relationship the actor holds (owner, editor or viewer, clearer); empty for none. */
  relationships: BriefingRelationship[];
  /** The first of them (owner before editor before viewer before clearer), or "none". */
  relationship: BriefingRelationship;
  state: BriefingState;
  /** The actor's share of it, if any. */
  share: BriefingShare | null;
  /** The briefing's latest clearance request (the one that counts), if any. */
  latestRequest: ClearanceRequest | null;
}

/** A briefing's latest clearance request: only it counts for the state and for clearance. */
export async function latestClearanceRequest(tx: Tx, briefingId: string): Promise<ClearanceRequest | null> {
  const [row] = await tx
    .select()
    .from(clearanceRequests)
    .where(eq(clearanceRequests.briefingId, briefingId))
    // seq breaks a tie of two requests within one millisecond: the later insert is later.
    .orderBy(desc(clearanceRequests.submittedAt), desc(clearanceRequests.seq))
    .limit(1);
  return row ?? null;
}

/** The users a clearance request names. */
export async function clearersOf(tx: Tx, requestId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: clearanceRequestClearers.userId })
    .from(clearanceRequestClearers)
    .where(eq(clearanceRequestClearers.requestId, requestId));
  return rows.map((r) => r.userId);
}

/**
 * How the actor stands to a briefing. A clearer is someone named on its pending request who
 * still holds the clearer role; the access ends with the request unless they are also shared.
 */
export async function accessTo(tx: Tx, actor: Actor, row: BriefingRow): Promise<BriefingAccess> {
  const relationships: BriefingRelationship[] = [];
  if (row.ownerId === actor.userId) relationships.push("owner");
  const [share] = await tx
    .select()
    .from(briefingShares)
    .where(and(eq(briefingShares.briefingId, row.id), eq(briefingShares.userId, actor.userId)))
    .limit(1);
  if (share && row.ownerId !== actor.userId) relationships.push(share.access === "edit" ? "editor" : "viewer");
  const latestRequest = await latestClearanceRequest(tx, row.id);
  const pending = latestRequest?.status === "pending";
  if (pending && actor.clearer && row.ownerId !== actor.userId) {
    if ((await clearersOf(tx, latestRequest.id)).includes(actor.userId)) relationships.push("clearer");
  }
  return {
    row,
    relationships,
    relationship: relationships[0] ?? "none",
    state: briefingState(row.status, pending),
    share: share ?? null,
    latestRequest,
  };
}

/** The message for someone whose share was removed (they know the briefing exists); null for anyone else. */
async function noLongerShared(tx: Tx, actor: Actor, briefingId: string): Promise<string | null> {
  const [removed] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, "briefing"),
        eq(auditLog.entityId, briefingId),
        eq(auditLog.action, "share.removed"),
        // ->> with a key reads a JSON text field on both engines (SQLite's "$.userId", jsonb's key).
        sql`(${auditLog.detail} ->> 'userId') = ${actor.userId}`,
      ),
    )
    .limit(1);
  return removed ? "This briefing is no longer shared with you." : null;
}

/**
 * The rule's answer for one operation, without throwing: for an operation that has a second
 * way in (a comment's author resolving their own thread). Undefined when there is no such
 * briefing (or it is deleted, except to restore or hand over).
 */
export async function decideBriefingAccess(
  tx: Tx,
  actor: Actor,
  briefingId: string,
  operation: BriefingOperation,
): Promise<{ access: BriefingAccess; answer: BriefingPermission } | undefined> {
  const [row] = await tx.select(rowColumns).from(briefings).where(eq(briefings.id, briefingId)).limit(1);
  if (!row || (row.deletedAt && operation !== "restore" && operation !== "handOver")) return undefined;
  const access = await accessTo(tx, actor, row);
  const answer = briefingPermissionForAny({
    relationships: access.relationships,
    operation,
    state: access.state,
    isAdmin: isAdmin(actor),
  });
  return { access, answer };
}

/** Throws the refusal the rule gave (see loadBriefingFor), or returns the access it allowed. */
export async function enforce(
  tx: Tx,
  actor: Actor,
  briefingId: string,
  decided: { access: BriefingAccess; answer: BriefingPermission } | undefined,
): Promise<BriefingAccess> {
  if (!decided) throw new NotFoundError("No such briefing.");
  const { access, answer } = decided;
  if (answer.allowed) return access;
  if (answer.status === 404) throw new NotFoundError((await noLongerShared(tx, actor, briefingId)) ?? answer.reason);
  if (answer.status === 403) throw new ForbiddenError(answer.reason);
  throw new ValidationError(answer.reason);
}

/**
 * Loads a briefing for one operation, or throws what the rule says: 404 "No such briefing." to
 * anyone with no relationship to it — administrators included — and for a deleted briefing
 * (except to restore it, or an admin's hand-over); 403 to a relationship that does not allow the
 * operation; 400 when its state refuses it. Someone whose share was removed gets the 404 with
 * "This briefing is no longer shared with you.", so a composer left open says why its save
 * failed; strangers learn nothing.
 */
export async function loadBriefingFor(
  tx: Tx,
  actor: Actor,
  briefingId: string,
  operation: BriefingOperation,
): Promise<BriefingAccess> {
  return enforce(tx, actor, briefingId, await decideBriefingAccess(tx, actor, briefingId, operation));
}

/** What a page needs to know about the actor's access: how they stand, the state, and what they may do now. */
export interface BriefingAccessView {
  relationship: BriefingRelationship;
  relationships: BriefingRelationship[];
  state: BriefingState;
  /** Each operation and whether the rule allows it to the actor now (a button to show or not). */
  can: Record<BriefingOperation, boolean>;
}

export function accessView(actor: Actor, access: BriefingAccess): BriefingAccessView {
  return {
    relationship: access.relationship,
    relationships: access.relationships,
    state: access.state,
    can: allowedOperations({ relationships: access.relationships, state: access.state, isAdmin: isAdmin(actor) }),
  };
}

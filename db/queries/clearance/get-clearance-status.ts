import { desc, eq, inArray } from "drizzle-orm";
import { isAdmin, type Actor } from "@/lib/auth/actor";
import type { DocClearance } from "@/lib/briefing/document";
import { briefingPermissionForAny } from "@/lib/briefing/permissions";
import { requireClearance } from "@/lib/briefing/settings";
import type { ClearanceStatus } from "@/lib/model/briefings";
import { getDb, withReadTransaction, type Database, type Tx } from "../../client";
import { clearanceRequestClearers, clearanceRequests, users } from "../../schema";
import { loadBriefingFor, loadSnapshot } from "../briefings/_access";
import { EVERY_FACT } from "../_fact-visibility";
import { readBriefingView } from "../briefings/_briefing-view";
import { checkClearance, type ClearanceState } from "./_clearance-check";
import { activeClearers, whyNotCleared } from "./_clearers";

export type { ClearanceState } from "./_clearance-check";

export interface GetClearanceStatusOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

export interface PersonRef {
  id: string;
  name: string;
}

/** One request for clearance, as the briefing page shows it. */
export interface ClearanceRequestView {
  id: string;
  status: ClearanceStatus;
  submittedBy: PersonRef;
  submittedAt: string;
  note: string | null;
  clearers: PersonRef[];
  /** Who decided (approved, returned) or withdrew it, and when; null while pending. */
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  /** The clearer's comment (required to return). */
  decisionComment: string | null;
  /** The briefing's version submitted (and approved). */
  briefingVersion: number;
}

export interface ClearanceStatusView {
  /** CHANCERY_REQUIRE_CLEARANCE: only a cleared draft can be finalised. */
  required: boolean;
  /**
   * A draft: where its clearance stands now — not-submitted, pending, cleared (approved and
   * still valid), voided (approved, then changed), returned, withdrawn. A final briefing:
   * "cleared" when it was finalised cleared, else "not-submitted".
   */
  state: ClearanceState;
  /** Why an approval no longer holds: the briefing was saved since, or its printed document changed. */
  voidedBecause: "edited" | "document-changed" | null;
  /** Who cleared it and on which day, while cleared (or as finalised). */
  clearance: DocClearance | null;
  /** The latest request (the one that counts), and every request, newest first. */
  latest: ClearanceRequestView | null;
  history: ClearanceRequestView[];
  /** Whether the actor may finalise it now, and if not why (what to do next). */
  finalise: { allowed: boolean; reason: string | null };
  /** Active clearers other than the owner: none means nothing can be submitted (ask an administrator). */
  clearersAvailable: number;
}

/**
 * Where a briefing's clearance stands, for anyone who may view it (404 for anyone else): its
 * requests with who submitted to whom and who decided when, whether it is cleared now (checked
 * against the version and the document hash approved), and whether the actor may finalise it.
 */
export async function getClearanceStatus({
  actor,
  briefingId,
  db = getDb(),
}: GetClearanceStatusOptions): Promise<ClearanceStatusView> {
  const required = requireClearance();
  return withReadTransaction(db, async (tx) => {
    const access = await loadBriefingFor(tx, actor, briefingId, "view");
    const history = await requestHistory(tx, briefingId);
    const clearersAvailable = (await activeClearers(tx, access.row.ownerId)).length;
    const rule = briefingPermissionForAny({
      relationships: access.relationships,
      operation: "finalise",
      state: access.state,
      isAdmin: isAdmin(actor),
    });
    const base = { required, latest: history[0] ?? null, history, clearersAvailable };
    if (access.row.status === "final") {
      const clearance = (await loadSnapshot(tx, briefingId))?.document.clearance ?? null;
      return {
        ...base,
        state: clearance ? "cleared" : "not-submitted",
        voidedBecause: null,
        clearance,
        finalise: { allowed: false, reason: rule.allowed ? null : rule.reason },
      };
    }
    const check = await checkClearance(tx, await readBriefingView(tx, access.row, EVERY_FACT), access.latestRequest);
    let finalise: ClearanceStatusView["finalise"];
    if (!rule.allowed) finalise = { allowed: false, reason: rule.reason };
    else if (required && check.state !== "cleared")
      finalise = { allowed: false, reason: await whyNotCleared(tx, check, access.row.ownerId) };
    else finalise = { allowed: true, reason: null };
    return { ...base, state: check.state, voidedBecause: check.voidedBecause, clearance: check.clearance, finalise };
  });
}

async function requestHistory(tx: Tx, briefingId: string): Promise<ClearanceRequestView[]> {
  const requests = await tx
    .select()
    .from(clearanceRequests)
    .where(eq(clearanceRequests.briefingId, briefingId))
    .orderBy(desc(clearanceRequests.submittedAt), desc(clearanceRequests.seq));
  if (requests.length === 0) return [];
  const named = await tx
    .select({ requestId: clearanceRequestClearers.requestId, id: users.id, name: users.name })
    .from(clearanceRequestClearers)
    .innerJoin(users, eq(users.id, clearanceRequestClearers.userId))
    .where(
      inArray(
        clearanceRequestClearers.requestId,
        requests.map((r) => r.id),
      ),
    );
  const ids = [...new Set(requests.flatMap((r) => [r.submittedBy, ...(r.decidedBy ? [r.decidedBy] : [])]))];
  const names = new Map(
    (await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const person = (id: string): PersonRef => ({ id, name: names.get(id) ?? "" });
  return requests.map((r): ClearanceRequestView => ({
    id: r.id,
    status: r.status,
    submittedBy: person(r.submittedBy),
    submittedAt: r.submittedAt,
    note: r.note,
    clearers: named
      .filter((n) => n.requestId === r.id)
      .map((n) => ({ id: n.id, name: n.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    decidedBy: r.decidedBy ? person(r.decidedBy) : null,
    decidedAt: r.decidedAt,
    decisionComment: r.decisionComment,
    briefingVersion: r.briefingVersion,
  }));
}

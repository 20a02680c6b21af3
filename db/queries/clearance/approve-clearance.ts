import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { DocClearance } from "@/lib/briefing/document";
import { clearedForBriefing } from "@/lib/briefing/clearance-level";
import { ConflictError, ValidationError } from "@/lib/errors";
import { getDb, withReadTransaction, withWriteTransaction, type Database } from "../../client";
import { clearanceRequests } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "../briefings/_access";
import { EVERY_FACT } from "../_fact-visibility";
import { readBriefingView } from "../briefings/_briefing-view";
import { highestPrintedMarking } from "../briefings/_marking";
import { insertComment } from "../comments/_comment-rows";
import { documentHashOf } from "./_clearance-check";
import { commentBodySchema } from "@/lib/validation/workflow";

export interface ApproveClearanceOptions {
  actor: Actor;
  briefingId: string;
  /** An optional word with the approval, added to the briefing's comments. */
  comment?: string;
  db?: Database;
}

/**
 * A clearer named on the briefing's pending request approves it (403 for its owner — no one
 * clears their own briefing — and for those it is only shared with; 404 for anyone else; 400
 * when not awaiting clearance). Records who and when, the briefing's version and the SHA-256 of
 * its document as it would print (lib/briefing/clearance.ts): the briefing is cleared while
 * both still match, so any later save, or an administrator's edit to one of its facts, voids
 * it. Refused (400) to a clearer no longer cleared to the highest marking it prints. Audited as
 * clearance.approved. Returns the clearance as the cover prints it.
 */
export async function approveClearance({
  actor,
  briefingId,
  comment = "",
  db = getDb(),
}: ApproveClearanceOptions): Promise<DocClearance> {
  const words = comment.trim() ? commentBodySchema.safeParse(comment) : null;
  if (words && !words.success)
    throw new ValidationError(words.error.issues[0].message, { comment: [words.error.issues[0].message] });
  // One instant for the hash's "as of" day and the decision's time, so they cannot straddle midnight.
  const decidedAt = new Date().toISOString();
  const decidedOn = decidedAt.slice(0, 10);
  // The document is hashed from one snapshot outside the write lock; the write then checks the
  // request and the version are still those read. A fact edited in between leaves a hash that
  // no longer matches: the clearance is void at once, never wrongly valid.
  const read = await withReadTransaction(db, async (tx) => {
    const access = await loadBriefingFor(tx, actor, briefingId, "approve");
    const view = await readBriefingView(tx, access.row, EVERY_FACT);
    // A clearer whose level was lowered after the submission cannot clear what they cannot read.
    const cleared = clearedForBriefing(
      { name: null, clearanceLevel: actor.clearanceLevel },
      await highestPrintedMarking(tx, [briefingId]),
    );
    if (!cleared.ok) throw new ValidationError(cleared.reason);
    return {
      requestId: access.latestRequest!.id,
      version: access.row.version,
      hash: await documentHashOf(tx, view, decidedOn),
    };
  });
  await withWriteTransaction(db, async (tx) => {
    const { row, latestRequest } = await loadBriefingFor(tx, actor, briefingId, "approve");
    if (latestRequest?.id !== read.requestId || row.version !== read.version)
      throw new ConflictError("This briefing changed while you were clearing it; reload it and look again.", {
        version: row.version,
      });
    await tx
      .update(clearanceRequests)
      .set({
        status: "approved",
        decidedBy: actor.userId,
        decidedAt,
        decisionComment: words?.data ?? null,
        briefingVersion: read.version,
        documentHash: read.hash,
      })
      .where(and(eq(clearanceRequests.id, read.requestId), eq(clearanceRequests.status, "pending")));
    if (words?.data) await insertComment(tx, actor, { briefingId, revision: row.revision, body: words.data });
    await recordAudit(tx, {
      actor,
      action: "clearance.approved",
      entity: "briefing",
      entityId: briefingId,
      detail: { requestId: read.requestId, revision: row.revision, version: read.version, documentHash: read.hash },
    });
  });
  return { clearedBy: actor.name, clearedOn: decidedOn };
}

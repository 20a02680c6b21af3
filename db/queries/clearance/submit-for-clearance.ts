import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { clearedForBriefing } from "@/lib/briefing/clearance-level";
import { ConflictError, ValidationError } from "@/lib/errors";
import { clearanceNoteSchema } from "@/lib/validation/workflow";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { clearanceRequestClearers, clearanceRequests } from "../../schema";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "../briefings/_access";
import { highestPrintedMarking } from "../briefings/_marking";
import { activeClearers } from "./_clearers";

export interface SubmitForClearanceOptions {
  actor: Actor;
  briefingId: string;
  /** Active users with the clearer role (listClearers); any one of them decides. */
  clearerIds: string[];
  /** An optional note to the clearers. */
  note?: string;
  /** The version the owner saw: submitting a newer one would ask to clear text they have not read (409). */
  version?: number;
  db?: Database;
}

/**
 * The owner submits a draft for clearance to one or more clearers, optionally with a note
 * (the owner only: 403 for those it is shared with, 404 for anyone else; 400 while awaiting
 * clearance or once final). Each named clearer may then view, download and comment on it, and
 * approve or return it, until the request ends. Refused (400) when a clearer named is not an
 * active user with the clearer role, or not cleared to the highest marking of the facts it prints
 * ("NAME is cleared to OFFICIAL; this briefing includes facts marked SECRET."), when the owner names themselves (no one clears their own
 * briefing), or when there is no active clearer at all. The draft is locked for edits while
 * awaiting clearance; the owner can withdraw it. Audited as clearance.submitted (ids, never the
 * note). Returns the request's id.
 */
export async function submitForClearance({
  actor,
  briefingId,
  clearerIds,
  note = "",
  version,
  db = getDb(),
}: SubmitForClearanceOptions): Promise<{ requestId: string }> {
  const cleanNote = clearanceNoteSchema.safeParse(note);
  if (!cleanNote.success)
    throw new ValidationError(cleanNote.error.issues[0].message, { note: [cleanNote.error.issues[0].message] });
  return withWriteTransaction(db, async (tx) => {
    const { row } = await loadBriefingFor(tx, actor, briefingId, "submitForClearance");
    if (version !== undefined && version !== row.version)
      throw new ConflictError("This briefing changed since you opened it; reload before submitting it.", {
        version: row.version,
      });
    const named = [...new Set(clearerIds)];
    const refuse = (message: string) => {
      throw new ValidationError(message, { clearerIds: [message] });
    };
    if (named.includes(row.ownerId)) refuse("No one clears their own briefing: choose another clearer.");
    const active = await activeClearers(tx, row.ownerId);
    if (active.length === 0)
      refuse(
        "There is no active clearer to submit this briefing to. Ask an administrator to give a colleague the clearer role.",
      );
    if (named.length === 0) refuse("Choose at least one clearer.");
    const unknown = named.filter((id) => !active.some((c) => c.id === id));
    if (unknown.length) refuse("Choose clearers from the list: one of those chosen is not an active clearer.");
    // A clearer reads the whole briefing: each named must be cleared to what it prints.
    const marking = await highestPrintedMarking(tx, [briefingId]);
    for (const clearer of active.filter((c) => named.includes(c.id))) {
      const cleared = clearedForBriefing(clearer, marking);
      if (!cleared.ok) refuse(cleared.reason);
    }

    const requestId = randomUUID();
    await tx.insert(clearanceRequests).values({
      id: requestId,
      briefingId,
      submittedBy: actor.userId,
      note: cleanNote.data || null,
      status: "pending",
      briefingVersion: row.version,
    });
    await tx.insert(clearanceRequestClearers).values(named.map((userId) => ({ requestId, userId })));
    await recordAudit(tx, {
      actor,
      action: "clearance.submitted",
      entity: "briefing",
      entityId: briefingId,
      detail: { requestId, clearerIds: named, revision: row.revision, version: row.version },
    });
    return { requestId };
  });
}

import { and, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { Fact } from "@/db/schema/facts";
import type { BriefingSnapshot } from "@/lib/briefing/document";
import { requireClearance } from "@/lib/briefing/settings";
import { derivedMarking, effectiveMarking } from "@/lib/model/handling";
import { clearedForBriefing } from "@/lib/briefing/clearance-level";
import { ConflictError, ValidationError } from "@/lib/errors";
import { getDb, withReadTransaction, withWriteTransaction, type Database } from "../../client";
import { briefings } from "../../schema";
import { recordAudit } from "../_record-audit";
import { checkClearance } from "../clearance/_clearance-check";
import { whyNotCleared } from "../clearance/_clearers";
import { loadBriefingFor } from "./_access";
import { EVERY_FACT } from "../_fact-visibility";
import { readBriefingView } from "./_briefing-view";
import { highestPrintedMarking } from "./_marking";
import { buildLiveDocument } from "./_document";

export interface FinaliseBriefingOptions {
  actor: Actor;
  briefingId: string;
  /** The version the user saw: finalising anything newer would issue text they have not read. */
  version: number;
  db?: Database;
}

const changedSinceOpened = (version: number) =>
  new ConflictError("This briefing changed since you opened it; reload before finalising.", { version });

/**
 * Finalising freezes one of the actor's drafts (the owner only: 403 for those it is shared
 * with, 404 for anyone else; 400 once final or while awaiting clearance; 409 when changed since
 * the user opened it): the printed document and each included fact's version are stored, so
 * later edits to the fact base never change what was issued.
 *
 * With CHANCERY_REQUIRE_CLEARANCE on (the default) only a cleared draft is finalised: its
 * latest clearance request approved, and its version and document hash still those approved
 * (checked again here, so a document changed since is refused, 400, with what to do next — and
 * with no active clearer to submit to, the owner is told that). The clearance is recorded in
 * the snapshot ("Cleared by" on the cover). With the setting off, finalising works as it did
 * before clearance, still recording a clearance that holds. Audited with the revision and the
 * clearance request, never the content.
 */
export async function finaliseBriefing({
  actor,
  briefingId,
  version,
  db = getDb(),
}: FinaliseBriefingOptions): Promise<void> {
  const required = requireClearance();
  // The document is built from one snapshot, outside the write lock; the write then succeeds
  // only if the briefing is still that version (optimistic locking).
  const { snapshot, requestId } = await withReadTransaction(db, async (tx) => {
    const access = await loadBriefingFor(tx, actor, briefingId, "finalise");
    if (access.row.version !== version) throw changedSinceOpened(access.row.version);
    // An owner whose level was lowered does not issue facts they can no longer read.
    const cleared = clearedForBriefing(
      { name: null, clearanceLevel: actor.clearanceLevel },
      await highestPrintedMarking(tx, [briefingId]),
    );
    if (!cleared.ok) throw new ValidationError(cleared.reason);
    // The frozen document holds the whole briefing; each reader's copy leaves out what they may not see.
    const view = await readBriefingView(tx, access.row, EVERY_FACT);
    const check = await checkClearance(tx, view, access.latestRequest);
    if (required && check.state !== "cleared")
      throw new ValidationError(await whyNotCleared(tx, check, access.row.ownerId));
    const requestId = check.state === "cleared" ? access.latestRequest!.id : null;
    const built = await buildLiveDocument(tx, { ...view, status: "final" }, EVERY_FACT, undefined, check.clearance);
    const facts: BriefingSnapshot["facts"] = {};
    const included: Fact[] = [];
    for (const section of view.sections) {
      for (const item of section.items)
        if (item.included && item.fact) {
          included.push(item.fact);
          facts[item.fact.id] = {
            version: item.fact.version,
            text: item.fact.text,
            updatedAt: item.fact.updatedAt,
            marking: item.fact.marking,
          };
        }
    }
    // The issued marking is the derived one: the included facts' highest, or the owner's if higher
    // (a fact raised since the last save cannot leave the document marked below it).
    const minimumMarking = derivedMarking(included.filter((f) => f.deletedAt === null));
    const document = { ...built, marking: effectiveMarking(built.marking, minimumMarking) };
    const snapshot: BriefingSnapshot = {
      document,
      facts,
      minimumMarking,
      ...(requestId ? { clearanceRequestId: requestId } : {}),
    };
    return { snapshot, requestId };
  });
  await withWriteTransaction(db, async (tx) => {
    // Deleted (404), finalised (400), submitted again (400) or saved elsewhere (409) since the read.
    const access = await loadBriefingFor(tx, actor, briefingId, "finalise");
    if (access.row.version !== version) throw changedSinceOpened(access.row.version);
    // The clearance read is the one recorded: not replaced by another request since.
    if (requestId && access.latestRequest?.id !== requestId) throw changedSinceOpened(access.row.version);
    const now = new Date().toISOString();
    const [finalised] = await tx
      .update(briefings)
      .set({ status: "final", snapshot, finalisedAt: now, version: sql`${briefings.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(briefings.id, briefingId),
          eq(briefings.version, version),
          eq(briefings.status, "draft"),
          isNull(briefings.deletedAt),
        ),
      )
      .returning({ revision: briefings.revision });
    if (!finalised) throw changedSinceOpened(access.row.version);
    await recordAudit(tx, {
      actor,
      action: "briefing.finalised",
      entity: "briefing",
      entityId: briefingId,
      detail: {
        revision: finalised.revision,
        clearanceRequestId: requestId,
        marking: snapshot.document.marking,
        minimumMarking: snapshot.minimumMarking,
      },
    });
  });
}

import { getDb, writeTransaction, type DB } from "../client";
import { loadFacts } from "./briefing-data";
import { getBriefingView, type BriefingView } from "./briefing-view";
import { copyBriefing, findNextRevision, loadOwnBriefing, markFinal } from "./briefings";
import { recordAudit } from "./audit";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ValidationError } from "@/lib/errors";
import { buildLiveDocument } from "./briefing-document";
import type { BriefingSnapshot } from "@/lib/briefing/document";

/**
 * Finalising freezes the briefing: the printed document and each included fact's version
 * are stored, so later edits to the fact base never change what was issued.
 */
export function finaliseBriefing({
  actor,
  briefingId,
  version,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  version: number;
  db?: DB;
}): void {
  writeTransaction(db, (tx) => {
    const row = loadOwnBriefing(tx, actor, briefingId);
    if (row.status !== "draft") throw new ValidationError("This briefing is already final.");
    if (row.version !== version)
      throw new ConflictError("This briefing changed since you opened it; reload before finalising.", {
        version: row.version,
      });
    const view = getBriefingView({ actor, briefingId, db: tx });
    const document = buildLiveDocument({ view: { ...view, status: "final" }, db: tx });
    const facts: BriefingSnapshot["facts"] = {};
    for (const section of view.sections) {
      for (const item of section.items)
        if (item.included && item.fact)
          facts[item.fact.id] = { version: item.fact.version, text: item.fact.text, updatedAt: item.fact.updatedAt };
    }
    const snapshot: BriefingSnapshot = { document, facts };
    markFinal(tx, actor, row, snapshot);
  });
}

/** How many of a finalised briefing's facts have been edited or retired since. */
export function changedFactsSinceFinal({ view, db = getDb() }: { view: BriefingView; db?: DB }): number {
  if (view.status !== "final" || !view.snapshot) return 0;
  const frozen = view.snapshot.facts;
  const current = loadFacts({ ids: Object.keys(frozen), db });
  return Object.entries(frozen).filter(([id, then]) => {
    const now = current.get(id);
    return !now || now.deletedAt !== null || now.version !== then.version || now.text !== then.text;
  }).length;
}

/** A new draft from a finalised briefing, with the next revision number and the current facts. */
export function startNewRevision({
  actor,
  briefingId,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  db?: DB;
}): string {
  return writeTransaction(db, (tx) => {
    const source = loadOwnBriefing(tx, actor, briefingId);
    if (source.status !== "final")
      throw new ValidationError("Only a finalised briefing gets a new revision; edit this draft instead.");
    // A second click (or a replayed request) opens the draft the first one started.
    const started = findNextRevision(tx, actor, source.id);
    if (started) return started;
    const id = copyBriefing(tx, actor, source, {
      revision: source.revision + 1,
      previousId: source.id,
      title: source.title,
    });
    recordAudit(tx, {
      actor,
      action: "briefing.revision_started",
      entity: "briefing",
      entityId: id,
      detail: { revision: source.revision + 1, from: source.id },
    });
    return id;
  });
}

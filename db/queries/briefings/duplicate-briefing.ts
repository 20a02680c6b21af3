import type { Actor } from "@/lib/auth/actor";
import { LIMITS } from "@/lib/validation/briefing";
import { getDb, withWriteTransaction, type Database } from "../../client";
import { recordAudit } from "../_record-audit";
import { loadBriefingFor } from "./_access";
import { copyBriefing } from "./_briefing-rows";

export interface DuplicateBriefingOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/** "Copy of …" within the title limit; a title cut short ends in an ellipsis, so it shows. */
function copyTitle(title: string): string {
  const copy = `Copy of ${title}`;
  return copy.length <= LIMITS.title ? copy : `${copy.slice(0, LIMITS.title - 1).trimEnd()}…`;
}

/**
 * A new private draft (revision 1) copied from one of the actor's briefings (the owner only:
 * 403 for those it is shared with, 404 for anyone else); not shared, not cleared. Returns its id.
 */
export async function duplicateBriefing({
  actor,
  briefingId,
  db = getDb(),
}: DuplicateBriefingOptions): Promise<string> {
  return withWriteTransaction(db, async (tx) => {
    const { row: source } = await loadBriefingFor(tx, actor, briefingId, "duplicate");
    const id = await copyBriefing(tx, actor, source, { revision: 1, previousId: null, title: copyTitle(source.title) });
    await recordAudit(tx, {
      actor,
      action: "briefing.duplicated",
      entity: "briefing",
      entityId: id,
      detail: { from: briefingId },
    });
    return id;
  });
}

import type { Actor } from "@/lib/auth/actor";
import { getDb, withReadTransaction, type Database } from "../../client";
import { loadBriefingFor, loadSnapshot } from "./_access";
import { markingAtMost } from "@/lib/model/handling";
import { canSeeFact, EVERY_FACT } from "../_fact-visibility";
import { loadFacts } from "./_document-data";

export interface CountChangedFactsOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

/**
 * How many of the facts frozen in a finalised briefing the actor may view (404 for anyone
 * else's) have been edited or retired since; 0 for a draft. Facts marked above the actor's
 * clearance level are not counted.
 */
export async function countChangedFacts({
  actor,
  briefingId,
  db = getDb(),
}: CountChangedFactsOptions): Promise<number> {
  return withReadTransaction(db, async (tx) => {
    const { row } = await loadBriefingFor(tx, actor, briefingId, "view");
    const snapshot = row.status === "final" ? await loadSnapshot(tx, briefingId) : null;
    if (!snapshot) return 0;
    const frozen = snapshot.facts;
    const current = await loadFacts(tx, Object.keys(frozen), EVERY_FACT);
    const level = actor.clearanceLevel;
    return Object.entries(frozen).filter(([id, then]) => {
      const now = current.get(id);
      // A fact the reader may not see (then or now) is not theirs to count.
      if ((then.marking && !markingAtMost(then.marking, level)) || (now && !canSeeFact(level, now))) return false;
      return !now || now.deletedAt !== null || now.version !== then.version || now.text !== then.text;
    }).length;
  });
}

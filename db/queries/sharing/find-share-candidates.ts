import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { ShareAccess } from "@/lib/model/briefings";
import { getDb, withReadTransaction, type Database } from "../../client";
import { briefingShares, users } from "../../schema";
import { containsText } from "../_list-page";
import { loadBriefingFor } from "../briefings/_access";

export interface FindShareCandidatesOptions {
  actor: Actor;
  briefingId: string;
  /** A piece of a colleague's name or email (any case, any script); empty lists the first ones. */
  q: string;
  limit?: number;
  db?: Database;
}

export interface ShareCandidate {
  id: string;
  name: string;
  email: string;
  /** Their access now, when it is already shared with them. */
  access: ShareAccess | null;
}

/**
 * Colleagues the owner may share a briefing with (the owner only: 403 for those it is shared
 * with, 404 for anyone else): active users other than the owner whose name or email contains
 * `q`, by name, at most `limit` (20).
 */
export async function findShareCandidates({
  actor,
  briefingId,
  q,
  limit = 20,
  db = getDb(),
}: FindShareCandidatesOptions): Promise<ShareCandidate[]> {
  return withReadTransaction(db, async (tx) => {
    const { row } = await loadBriefingFor(tx, actor, briefingId, "share");
    return tx
      .select({ id: users.id, name: users.name, email: users.email, access: briefingShares.access })
      .from(users)
      .leftJoin(briefingShares, and(eq(briefingShares.briefingId, briefingId), eq(briefingShares.userId, users.id)))
      .where(
        and(
          isNull(users.deletedAt),
          isNull(users.disabledAt),
          ne(users.id, row.ownerId),
          containsText(q.trim() || undefined, [users.name, users.email]),
        ),
      )
      .orderBy(asc(users.name), asc(users.email))
      .limit(limit);
  });
}

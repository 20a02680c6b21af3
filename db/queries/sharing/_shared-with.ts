import { and, desc, eq, isNull } from "drizzle-orm";
import { briefingState, type BriefingState } from "@/lib/briefing/permissions";
import type { ShareAccess } from "@/lib/model/briefings";
import type { Tx } from "../../client";
import { briefings, briefingShares, parties, users } from "../../schema";
import { latestRequestStatus } from "../briefings/_list-rows";

export interface SharedBriefingEntry {
  id: string;
  title: string;
  countryName: string;
  ownerName: string;
  access: ShareAccess;
  status: "draft" | "final";
  state: BriefingState;
  revision: number;
  updatedAt: string;
  /** When it was shared with the actor. */
  sharedAt: string;
}

/** The live briefings shared with a user, most recently changed first; on the transaction given. */
export async function sharedWith(tx: Tx, userId: string): Promise<SharedBriefingEntry[]> {
  const rows = await tx
    .select({
      id: briefings.id,
      title: briefings.title,
      countryName: parties.name,
      ownerName: users.name,
      access: briefingShares.access,
      status: briefings.status,
      revision: briefings.revision,
      updatedAt: briefings.updatedAt,
      sharedAt: briefingShares.createdAt,
      clearance: latestRequestStatus(briefings.id),
    })
    .from(briefingShares)
    .innerJoin(briefings, eq(briefings.id, briefingShares.briefingId))
    .innerJoin(parties, eq(parties.id, briefings.countryId))
    .innerJoin(users, eq(users.id, briefings.ownerId))
    .where(and(eq(briefingShares.userId, userId), isNull(briefings.deletedAt)))
    .orderBy(desc(briefings.updatedAt));
  return rows.map(({ clearance, ...r }) => ({ ...r, state: briefingState(r.status, clearance === "pending") }));
}

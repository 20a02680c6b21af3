import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Actor } from "@/lib/auth/actor";
import type { ShareAccess } from "@/lib/model/briefings";
import { getDb, withReadTransaction, type Database } from "../../client";
import { briefingShares, users } from "../../schema";
import { loadBriefingFor } from "../briefings/_access";

export interface ListSharesOptions {
  actor: Actor;
  briefingId: string;
  db?: Database;
}

export interface ShareView {
  userId: string;
  name: string;
  email: string;
  access: ShareAccess;
  /** False for a disabled account (the share stays, unused, until removed). */
  active: boolean;
  sharedByName: string;
  createdAt: string;
  updatedAt: string;
}

/** Whom a briefing is shared with, by name, for anyone who may view it (404 for anyone else). */
export async function listShares({ actor, briefingId, db = getDb() }: ListSharesOptions): Promise<ShareView[]> {
  return withReadTransaction(db, async (tx) => {
    await loadBriefingFor(tx, actor, briefingId, "view");
    const sharer = alias(users, "sharer");
    const rows = await tx
      .select({
        userId: briefingShares.userId,
        name: users.name,
        email: users.email,
        access: briefingShares.access,
        disabledAt: users.disabledAt,
        sharedByName: sharer.name,
        createdAt: briefingShares.createdAt,
        updatedAt: briefingShares.updatedAt,
      })
      .from(briefingShares)
      .innerJoin(users, eq(users.id, briefingShares.userId))
      .innerJoin(sharer, eq(sharer.id, briefingShares.sharedBy))
      .where(eq(briefingShares.briefingId, briefingId))
      .orderBy(asc(users.name), asc(users.email));
    return rows.map(({ disabledAt, ...r }) => ({ ...r, active: disabledAt === null }));
  });
}

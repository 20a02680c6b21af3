import type { Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { sharedWith, type SharedBriefingEntry } from "./_shared-with";

export type { SharedBriefingEntry } from "./_shared-with";

export interface ListSharedWithMeOptions {
  actor: Actor;
  db?: Database;
}

/**
 * The briefings shared with the actor — "Shared with me" — with their owner and the access
 * given, most recently changed first. Deleted ones are left out. Any signed-in user, for themselves.
 */
export async function listSharedWithMe({
  actor,
  db = getDb(),
}: ListSharedWithMeOptions): Promise<SharedBriefingEntry[]> {
  return sharedWith(readerOf(db), actor.userId);
}

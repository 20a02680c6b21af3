import type { Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { activeClearers, type ClearerOption } from "./_clearers";

export type { ClearerOption } from "./_clearers";

export interface ListClearersOptions {
  actor: Actor;
  db?: Database;
}

/**
 * Whom a briefing can be submitted to: active users with the clearer role, by name, without the
 * actor (no one clears their own briefing). Any signed-in user may ask (names and emails only).
 * An empty list means nothing can be cleared: the submit form says to ask an administrator.
 */
export async function listClearers({ actor, db = getDb() }: ListClearersOptions): Promise<ClearerOption[]> {
  return activeClearers(readerOf(db), actor.userId);
}

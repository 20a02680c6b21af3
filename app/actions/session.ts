"use server";

import { signOut } from "@/auth";
import { recordAudit } from "@/db/queries/audit";
import { endAllSessions } from "@/db/queries/users";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/next/session";

/** Signs out everywhere: the session version is bumped, so copies of the cookie die too. */
export async function signOutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) {
    endAllSessions({ userId: actor.userId });
    recordAudit(getDb(), { actor, action: "auth.signed_out", entity: "session", entityId: actor.userId });
  }
  await signOut({ redirectTo: "/sign-in" });
}

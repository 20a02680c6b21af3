"use server";

import { signOut } from "@/auth";
import { signOutEverywhere } from "@/db/queries/users/sign-out-everywhere";
import { currentActor } from "@/app/_request/session";

/** Signs out everywhere: the session version is bumped, so copies of the cookie die too. */
export async function signOutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) await signOutEverywhere({ actor });
  await signOut({ redirectTo: "/sign-in" });
}

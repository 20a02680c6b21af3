"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/auth";
import { acknowledgeFailedCodes } from "@/db/queries/two-factor/acknowledge-failed-codes";
import { signOutEverywhere } from "@/db/queries/users/sign-out-everywhere";
import { currentActor } from "@/app/_request/session";

/** Signs out everywhere: the session version is bumped, so copies of the cookie die too. */
export async function signOutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) await signOutEverywhere({ actor });
  await signOut({ redirectTo: "/sign-in" });
}

/** The signed-in user has read the notice of wrong codes sent for their account. */
export async function acknowledgeFailedCodesAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) await acknowledgeFailedCodes({ actor });
  revalidatePath("/", "layout");
}

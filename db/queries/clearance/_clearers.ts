import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { ClearanceLevel } from "@/lib/model/handling";
import type { Tx } from "../../client";
import { users } from "../../schema";
import type { ClearanceCheck } from "./_clearance-check";

/** An active user holding the clearer role, as the submit form lists them. */
export interface ClearerOption {
  id: string;
  name: string;
  email: string;
  /** The highest marking they may see: a briefing marked above it cannot be submitted to them. */
  clearanceLevel: ClearanceLevel;
}

/** Active (not disabled) users with the clearer role, by name, but `excluding` one (the briefing's owner). */
export async function activeClearers(tx: Tx, excluding: string): Promise<ClearerOption[]> {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, clearanceLevel: users.clearanceLevel })
    .from(users)
    .where(and(eq(users.clearer, true), isNull(users.disabledAt), isNull(users.deletedAt), ne(users.id, excluding)))
    .orderBy(asc(users.name), asc(users.email));
}

export const NO_ACTIVE_CLEARER =
  "Finalising needs clearance, and there is no active clearer to submit this briefing to. Ask an administrator to give a colleague the clearer role.";

/** Why a draft that is not cleared cannot be finalised while clearance is required: what to do next. */
export async function whyNotCleared(tx: Tx, check: ClearanceCheck, ownerId: string): Promise<string> {
  switch (check.state) {
    case "returned":
      return "This briefing was returned by its clearer: make the changes asked for, then submit it for clearance again.";
    case "voided":
      return check.voidedBecause === "edited"
        ? "The clearance no longer holds: the briefing was changed after it was approved. Submit it for clearance again."
        : "The clearance no longer holds: facts in the briefing changed after it was approved. Submit it for clearance again.";
    case "pending":
      return "This briefing is awaiting clearance: wait for the clearer's decision, or withdraw it.";
    default:
      if ((await activeClearers(tx, ownerId)).length === 0) return NO_ACTIVE_CLEARER;
      return "Only a cleared briefing can be finalised: submit it for clearance first.";
  }
}

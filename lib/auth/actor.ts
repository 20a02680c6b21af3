import type { UserRole } from "@/lib/model/users";
import { ForbiddenError } from "@/lib/errors";

/** Who is acting: a signed-in user (checked against the database) or the command line. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  /** Holds the clearer role (beside `role`): may approve or return briefings submitted to them. */
  clearer: boolean;
  /** The client's address, for the audit log. */
  ip: string | null;
}

/** The command line (user:add, db:import) acts with admin rights and is audited as such. */
export const SYSTEM_ACTOR: Actor = {
  userId: "system",
  email: "system@command-line",
  name: "Command line",
  role: "admin",
  clearer: false,
  ip: null,
};

export function isAdmin(actor: Actor): boolean {
  return actor.role === "admin";
}

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new ForbiddenError("Only administrators can do this.");
}

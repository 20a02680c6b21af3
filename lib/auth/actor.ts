import type { UserRole } from "@/lib/model/users";
import { ForbiddenError } from "@/lib/errors";

/** Who is acting: a signed-in user (checked against the database) or the command line. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  /** The client's address, for the audit log. */
  ip: string | null;
}

/** The command line (user:add, db:import) acts with admin rights and is audited as such. */
export const SYSTEM_ACTOR: Actor = {
  userId: "system",
  email: "system@command-line",
  name: "Command line",
  role: "admin",
  ip: null,
};

export function isAdmin(actor: Actor): boolean {
  return actor.role === "admin";
}

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new ForbiddenError("Only administrators can do this.");
}

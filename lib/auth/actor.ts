import type { UserRole } from "@/lib/model/users";
import { ForbiddenError } from "@/lib/errors";
import type { ClearanceLevel } from "@/lib/model/handling";

/** Who is acting: a signed-in user (checked against the database) or the command line. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  /** Holds the clearer role (beside `role`): may approve or return briefings submitted to them. */
  clearer: boolean;
  /**
   * The highest marking this user may see: facts marked above it are invisible to them in every
   * read of the data layer (issue 16). From the database on every request, like the role.
   */
  clearanceLevel: ClearanceLevel;
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
  // The command line (import, export, seeding) handles the whole fact base.
  clearanceLevel: "SECRET",
  ip: null,
};

export function isAdmin(actor: Actor): boolean {
  return actor.role === "admin";
}

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new ForbiddenError("Only administrators can do this.");
}

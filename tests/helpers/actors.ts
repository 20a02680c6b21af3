import { createUser } from "@/db/queries/users/create-user";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { ClearanceLevel } from "@/lib/model/handling";

/**
 * A real user row of the given role (and the clearer role and clearance level when asked; OFFICIAL
 * by default), returned as the actor the data layer expects.
 */
export async function makeActor(
  db: Database,
  role: "admin" | "staff" = "staff",
  opts: { clearer?: boolean; name?: string; clearanceLevel?: ClearanceLevel } = {},
): Promise<Actor> {
  const tag = Math.random().toString(36).slice(2, 10);
  const user = await createUser({
    actor: SYSTEM_ACTOR,
    input: {
      email: `${role}-${tag}@test.example`,
      name: opts.name ?? `Test ${role} ${tag}`,
      role,
      clearer: opts.clearer ?? false,
      clearanceLevel: opts.clearanceLevel,
      password: "a-long-test-password",
    },
    db,
  });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    clearer: user.clearer,
    clearanceLevel: user.clearanceLevel,
    ip: "127.0.0.1",
  };
}

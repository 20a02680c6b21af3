import { createUser } from "@/db/queries/users/create-user";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";

/** A real user row of the given role, returned as the actor the data layer expects. */
export async function makeActor(db: Database, role: "admin" | "staff" = "staff"): Promise<Actor> {
  const tag = Math.random().toString(36).slice(2, 10);
  const user = await createUser({
    actor: SYSTEM_ACTOR,
    input: {
      email: `${role}-${tag}@test.example`,
      name: `Test ${role} ${tag}`,
      role,
      password: "a-long-test-password",
    },
    db,
  });
  return { userId: user.id, email: user.email, name: user.name, role: user.role, ip: "127.0.0.1" };
}

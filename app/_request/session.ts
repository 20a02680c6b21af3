import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { findSessionUser } from "@/db/queries/users/find-session-user";
import type { Actor } from "@/lib/auth/actor";
import { signInPath } from "@/lib/auth/callback-url";
import { clientIp } from "@/lib/auth/client-ip";

/**
 * The signed-in user, verified against the database on every call: the token must name an
 * existing, enabled user and carry their current session version. The role comes from the
 * database, never from the token, so a demotion (or the clearer role taken away) takes effect at once.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  const user = await findSessionUser({ userId: session.user.id, sessionVersion: session.sessionVersion });
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    clearer: user.clearer,
    ip: clientIp(await headers()),
  };
}

/** For pages: the actor, or a redirect to sign-in (back to `path` afterwards); 403 for non-admins when `admin`. */
export async function requirePageActor(path: string, opts: { admin?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(signInPath(path));
  if (opts.admin && actor.role !== "admin") forbidden();
  return actor;
}

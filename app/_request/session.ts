import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { findSessionUser } from "@/db/queries/users/find-session-user";
import type { Actor } from "@/lib/auth/actor";
import { signInPath } from "@/lib/auth/callback-url";
import { clientIp } from "@/lib/auth/client-ip";
import { authSettings } from "@/lib/auth/config";
import { mustEnrol } from "@/lib/auth/two-factor";

/** Where a user whose role requires a second factor is sent until they have one. */
export const ENROLMENT_PATH = "/account/security";

export interface CurrentSession {
  actor: Actor;
  /** CHANCERY_REQUIRE_2FA names one of the actor's roles and they have no second factor yet. */
  mustEnrol: boolean;
  /** Wrong codes sent for the actor's account since they were last told (shown under the header). */
  failedCodes: { count: number; lastAt: string | null } | null;
}

/**
 * The signed-in user and what their session must still do, verified against the database on
 * every call: the token must name an existing, enabled user and carry their current session
 * version. The role comes from the database, never from the token, so a demotion (or the
 * clearer role taken away) takes effect at once.
 */
export async function currentSession(): Promise<CurrentSession | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  const user = await findSessionUser({ userId: session.user.id, sessionVersion: session.sessionVersion });
  if (!user) return null;
  return {
    actor: {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      clearer: user.clearer,
      clearanceLevel: user.clearanceLevel,
      ip: clientIp(await headers()),
    },
    mustEnrol: mustEnrol(user, authSettings.secondFactorRoles().roles),
    failedCodes: user.failedCodes,
  };
}

/** The signed-in user (whether or not they still must set up a second factor), or null. */
export async function currentActor(): Promise<Actor | null> {
  return (await currentSession())?.actor ?? null;
}

/**
 * For pages: the actor, or a redirect to sign-in (back to `path` afterwards); 403 for non-admins
 * when `admin`. A user whose role requires a second factor and who has none is sent to set one
 * up, from every page but that one (`beforeEnrolment`).
 */
export async function requirePageActor(
  path: string,
  opts: { admin?: boolean; beforeEnrolment?: boolean } = {},
): Promise<Actor> {
  const current = await currentSession();
  if (!current) redirect(signInPath(path));
  if (current.mustEnrol && !opts.beforeEnrolment) redirect(ENROLMENT_PATH);
  if (opts.admin && current.actor.role !== "admin") forbidden();
  return current.actor;
}

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The state between a right password and the second factor: a token signed with a key derived
 * from the session secret, in an httpOnly cookie scoped to /sign-in, that expires within five
 * minutes. It is no session: it names the user (and their session version, so a password
 * change or a reset in between voids it) and lets the sign-in page ask for a code; every page,
 * action and route still sees nobody signed in.
 */
export const PENDING_COOKIE = "chancery-2fa-pending";
export const PENDING_MAX_AGE_SECONDS = 5 * 60;

export interface PendingSignIn {
  userId: string;
  email: string;
  sessionVersion: number;
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

/** Its own key: a token of this kind can never pass for anything else signed with the session secret. */
function keyOf(authSecret: string): Buffer {
  return createHmac("sha256", authSecret).update("chancery pending sign-in v1").digest();
}

function sign(payload: string, authSecret: string): string {
  return createHmac("sha256", keyOf(authSecret)).update(payload).digest("base64url");
}

export function createPendingToken(
  user: { userId: string; email: string; sessionVersion: number },
  authSecret: string,
  now = Date.now(),
): string {
  const body: PendingSignIn & { n: string } = {
    userId: user.userId,
    email: user.email,
    sessionVersion: user.sessionVersion,
    expiresAt: now + PENDING_MAX_AGE_SECONDS * 1000,
    n: randomBytes(12).toString("base64url"),
  };
  const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${payload}.${sign(payload, authSecret)}`;
}

/** The pending sign-in a token carries, or null when it is forged, altered, malformed or expired. */
export function readPendingToken(
  token: string | null | undefined,
  authSecret: string,
  now = Date.now(),
): PendingSignIn | null {
  if (!token || token.length > 2000) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, authSecret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<PendingSignIn>;
    if (
      typeof body.userId !== "string" ||
      typeof body.email !== "string" ||
      typeof body.sessionVersion !== "number" ||
      typeof body.expiresAt !== "number"
    )
      return null;
    if (body.expiresAt <= now) return null;
    return { userId: body.userId, email: body.email, sessionVersion: body.sessionVersion, expiresAt: body.expiresAt };
  } catch {
    return null;
  }
}

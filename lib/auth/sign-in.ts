import { clearFailures, countRecentFailures, recordFailure } from "@/db/queries/login-failures";
import { findUserForSignIn, type PublicUser } from "@/db/queries/users";
import { recordAudit } from "@/db/queries/audit";
import { getDb } from "@/db/client";
import { authSettings } from "./config";
import { dummyPasswordHash, verifyPassword } from "./password";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

export type SignInResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export function throttledMessage(minutes: number): string {
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Checks an email and password. Unknown accounts are verified against a dummy hash so
 * both refusals take the same time and say the same thing. After too many failures for
 * the account or the address within the window, tries are refused until the oldest
 * failure leaves the window — never a permanent lock-out.
 */
export async function verifyCredentials({ email, password, ip }: { email: string; password: string; ip: string | null }): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const keys = [`email:${normalised}`, ...(ip ? [`ip:${ip}`] : [])];
  const now = Date.now();
  const windowMs = authSettings.throttleWindowSeconds() * 1000;
  const since = now - windowMs;

  const recent = countRecentFailures({ keys, since });
  const blocking = [...recent.values()].filter((r) => r.count >= authSettings.throttleMaxFailures());
  if (blocking.length > 0) {
    const freeAt = Math.max(...blocking.map((r) => r.oldest + windowMs));
    const retryAfterMinutes = Math.max(1, Math.ceil((freeAt - now) / 60_000));
    audit("auth.sign_in_throttled", normalised, ip);
    return { ok: false, reason: "throttled", retryAfterMinutes };
  }

  const user = findUserForSignIn({ email: normalised });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.disabledAt) {
    recordFailure({ keys, at: now, pruneBefore: since });
    audit("auth.sign_in_failed", normalised, ip, user?.id);
    return { ok: false, reason: "invalid" };
  }
  clearFailures({ key: `email:${normalised}` });
  audit("auth.signed_in", normalised, ip, user.id);
  const { passwordHash: _omit, ...publicUser } = user;
  return { ok: true, user: publicUser };
}

function audit(action: string, email: string, ip: string | null, userId?: string) {
  // The attempted email is recorded (it is what an investigator needs); never the password.
  recordAudit(getDb(), { actor: { userId: userId ?? null, email, ip }, action, entity: "session", entityId: userId ?? null });
}

import { DEVICE_MAX_AGE_DAYS } from "@/lib/auth/device";
import { authSettings } from "@/lib/auth/config";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { auditableEmail, throttleKeys } from "@/lib/auth/throttle";
import { admitSignInAttempt, knownDevice, settleSignInAttempt } from "./login-failures";
import { findUserForSignIn, type PublicUser } from "./users";

export { throttledMessage } from "@/lib/auth/throttle";
export const WRONG_CREDENTIALS = "Email or password is incorrect.";

export type SignInResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. The attempt is counted before the (slow) password check, so
 * parallel guesses cannot slip past the limits (db/queries/login-failures.ts); a success takes
 * the count back. Unknown accounts are verified against a dummy hash so both refusals take
 * the same time and say the same thing. A browser the account signed in from before is counted
 * on its own (its device cookie). `now` is injectable for tests.
 */
export async function verifyCredentials({
  email,
  password,
  ip,
  deviceToken = null,
  now = Date.now(),
}: {
  email: string;
  password: string;
  ip: string | null;
  /** The browser's device cookie, if it sent one (lib/auth/device.ts). */
  deviceToken?: string | null;
  now?: number;
}): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const device = knownDevice({
    token: deviceToken,
    account: auditableEmail(normalised),
    now,
    maxAgeDays: DEVICE_MAX_AGE_DAYS,
  });
  const keys = throttleKeys(normalised, ip, device);
  const admitted = admitSignInAttempt({ email: normalised, ip, keys, settings: authSettings.throttle(), now });
  if (!admitted.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };

  const user = findUserForSignIn({ email: normalised });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = Boolean(user && valid && !user.disabledAt);
  settleSignInAttempt({ attemptIds: admitted.attemptIds, ok, email: normalised, ip, userId: user?.id ?? null, keys });
  if (!user || !ok) return { ok: false, reason: "invalid" };
  const { passwordHash: _omit, ...publicUser } = user;
  return { ok: true, user: publicUser };
}

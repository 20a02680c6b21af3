import { createHash, randomInt } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";
import { ROLE_NAMES, type RoleName, type UserRole } from "@/lib/model/users";

/**
 * The second factor's rules, with no database: TOTP codes (RFC 6238, as every authenticator
 * app makes them: SHA-1, 6 digits, 30-second steps), one-time recovery codes, the limit on
 * wrong codes and which roles must have a second factor.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of the current one a code may come from: a clock a little off still works. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Chancery";

/** Wrong codes one account may send within the window; then codes are refused until the oldest leaves it. */
export const SECOND_FACTOR_MAX_FAILURES = 5;
export const SECOND_FACTOR_WINDOW_MS = 15 * 60 * 1000;

export const RECOVERY_CODE_COUNT = 10;
/** Characters of a recovery code: 20 of 32 (no 0/O, 1/I/L, U), 100 bits of randomness. */
const RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
const RECOVERY_LENGTH = 20;

/** A new TOTP secret: 20 random bytes (160 bits, RFC 4226's recommendation), as base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step a moment falls in. */
export function totpStep(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an authenticator shows for `secret` at `now` (tests, and nothing else). */
export function totpCode(secret: string, now: number): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: now,
  });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: account,
    secret: Secret.fromBase32(secret),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The secret as people type it into an app: groups of four. */
export function formatManualKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** A six-digit code as typed: spaces and hyphens dropped. Null for anything that is not one. */
export function normaliseTotpCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code) ? code : null;
}

/**
 * The time step whose code `token` is, if it is one within the window around `now` and later
 * than `lastStep` — the step of the last code accepted for the account, so a code seen once
 * (over a shoulder, in a proxy's log) is refused for the rest of its window. Null otherwise.
 */
export function matchTotpStep({
  secret,
  token,
  now,
  lastStep,
}: {
  secret: string;
  token: string;
  now: number;
  lastStep: number | null;
}): number | null {
  const code = normaliseTotpCode(token);
  if (!code) return null;
  const key = Secret.fromBase32(secret);
  const current = totpStep(now);
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    // otpauth compares in constant time.
    if (HOTP.validate({ token: code, secret: key, digits: TOTP_DIGITS, counter: step, window: 0 }) === 0) return step;
  }
  return null;
}

/** Ten new recovery codes, shown once as XXXXX-XXXXX-XXXXX-XXXXX. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    let code = "";
    for (let i = 0; i < RECOVERY_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return code.replace(/(.{5})(?=.)/g, "$1-");
  });
}

/** A recovery code as typed, in any case, with or without its hyphens and spaces; null if it cannot be one. */
export function normaliseRecoveryCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, "").toUpperCase();
  return code.length === RECOVERY_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c)) ? code : null;
}

/**
 * The stored form of a recovery code: SHA-256 of its normalised text. A fast hash is enough
 * for 100 random bits (no dictionary to try), and lets a code be looked up by its hash.
 */
export function recoveryCodeHash(raw: string): string | null {
  const code = normaliseRecoveryCode(raw);
  return code ? createHash("sha256").update(code).digest("hex") : null;
}

/** Whether a typed code looks like a TOTP code or a recovery code. */
export function codeKind(raw: string): "totp" | "recovery" | null {
  if (normaliseTotpCode(raw)) return "totp";
  if (normaliseRecoveryCode(raw)) return "recovery";
  return null;
}

/** When (ms) wrong codes stop refusing, or null if they do not refuse now. */
export function secondFactorRefusedUntil(failures: { count: number; oldest: number }, now: number): number | null {
  if (failures.count < SECOND_FACTOR_MAX_FAILURES) return null;
  const until = failures.oldest + SECOND_FACTOR_WINDOW_MS;
  return until > now ? until : null;
}

/** The refusal the user reads once the limit is reached. */
export function tooManyCodesMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many wrong codes for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask an administrator.`;
}

/**
 * CHANCERY_REQUIRE_2FA: a comma-separated list of the roles that must have a second factor
 * (admin, staff, clearer; empty by default). Unknown names are returned apart, so the start
 * can say so instead of silently requiring less than meant.
 */
export function parseRequiredRoles(raw: string | undefined): { roles: Set<RoleName>; unknown: string[] } {
  const roles = new Set<RoleName>();
  const unknown: string[] = [];
  for (const name of (raw ?? "").split(",").map((n) => n.trim().toLowerCase())) {
    if (!name) continue;
    if ((ROLE_NAMES as readonly string[]).includes(name)) roles.add(name as RoleName);
    else unknown.push(name);
  }
  return { roles, unknown };
}

/** Whether a user of these roles must have a second factor under the setting. */
export function secondFactorRequired(
  user: { role: UserRole; clearer: boolean },
  roles: ReadonlySet<RoleName>,
): boolean {
  return roles.has(user.role) || (user.clearer && roles.has("clearer"));
}

/** Whether a signed-in user is sent to enrolment: their roles require it and they have none. */
export function mustEnrol(
  user: { role: UserRole; clearer: boolean; secondFactor: boolean },
  roles: ReadonlySet<RoleName>,
): boolean {
  return !user.secondFactor && secondFactorRequired(user, roles);
}

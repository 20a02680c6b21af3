import { createHash, randomBytes } from "node:crypto";

/**
 * The device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): set on a
 * browser when it signs in, it lets later sign-ins from that browser be counted on their own
 * (lib/auth/throttle.ts). It proves nothing about the user — the password still does — and
 * holds a random token whose SHA-256 alone is stored.
 */
export const DEVICE_COOKIE = "chancery-device";
export const DEVICE_MAX_AGE_DAYS = 180;

export function newDeviceToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a token; null for anything that is not one of ours. */
export function deviceTokenHash(token: string | null | undefined): string | null {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return createHash("sha256").update(token).digest("hex");
}

/** The device cookie's value in a Cookie header, if any. */
export function deviceTokenFromCookieHeader(header: string | null): string | null {
  for (const part of (header ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return value.join("=");
  }
  return null;
}

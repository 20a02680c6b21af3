import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir as appDataDir } from "@/lib/app-paths";
import { log } from "@/lib/log";

/**
 * The key that encrypts TOTP secrets at rest (AES-256-GCM), kept outside the database so a
 * copy of the database alone reveals no secret. CHANCERY_2FA_KEY wins (32 bytes as 64 hex
 * digits or base64); without it one is generated on first use into the data directory's
 * two-factor-key (mode 0600, beside auth-secret). Losing it makes every enrolled second factor
 * unreadable: the users must be reset (`npm run user:reset-2fa`) and enrol again.
 */
export const TWO_FACTOR_KEY_FILE = "two-factor-key";

/** The key from CHANCERY_2FA_KEY's text: 64 hex digits or base64(url) of 32 bytes. */
export function parseTwoFactorKey(text: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32)
    throw new Error(
      "CHANCERY_2FA_KEY must be 32 random bytes, as 64 hex digits or base64 (for example `openssl rand -hex 32`).",
    );
  return key;
}

const generated = new Map<string, Buffer>();

/** The key (32 bytes), from CHANCERY_2FA_KEY or the data directory's key file, created when missing. */
export function twoFactorKey(dataDir = appDataDir()): Buffer {
  if (process.env.CHANCERY_2FA_KEY) return parseTwoFactorKey(process.env.CHANCERY_2FA_KEY);
  const file = path.join(dataDir, TWO_FACTOR_KEY_FILE);
  const known = generated.get(file);
  if (known) return known;
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    text = crypto.randomBytes(32).toString("hex");
    // "wx" fails if another process wrote it first; then read theirs.
    try {
      fs.writeFileSync(file, text + "\n", { mode: 0o600, flag: "wx" });
      log.warn(
        { file },
        "CHANCERY_2FA_KEY is not set: generated the key that encrypts second-factor secrets in that file. Back it up apart from the database; without it every second factor must be reset.",
      );
    } catch {
      text = fs.readFileSync(file, "utf8");
    }
  }
  const key = parseTwoFactorKey(text);
  generated.set(file, key);
  return key;
}

const VERSION = "v1";

/**
 * Encrypts a secret for one user: AES-256-GCM with a random 96-bit nonce; the user id is
 * authenticated data, so a ciphertext copied onto another user's row does not decrypt.
 * Stored as "v1.<nonce>.<ciphertext+tag>" (base64url).
 */
export function encryptSecret(plaintext: string, userId: string, key: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`chancery-2fa:${userId}`));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url")].join(".");
}

/** The secret back, or null when the key (or the user) is not the one it was encrypted with. */
export function decryptSecret(stored: string, userId: string, key: Buffer): string | null {
  const [version, iv, body] = stored.split(".");
  if (version !== VERSION || !iv || !body) return null;
  try {
    const bytes = Buffer.from(body, "base64url");
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`chancery-2fa:${userId}`));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir as appDataDir } from "@/lib/app-paths";
import { log } from "@/lib/log";

/**
 * The key that signs session tokens. AUTH_SECRET wins; without it one is generated on
 * first start and kept in the data directory's auth-secret (CHANCERY_DATA_DIR, default
 * data/; gitignored, mode 0600) so sessions survive a restart. Deployments should set their
 * own; a warning says so.
 */
export function ensureAuthSecret(dataDir = appDataDir()): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  let secret: string;
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // the database shares it: not world-readable
    secret = crypto.randomBytes(32).toString("base64url");
    // "wx" fails if another process wrote it first; then read theirs.
    try {
      fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    } catch {
      secret = fs.readFileSync(file, "utf8").trim();
    }
    log.warn(
      { file },
      "AUTH_SECRET is not set: generated one in that file. Deployments should set their own AUTH_SECRET.",
    );
  }
  process.env.AUTH_SECRET = secret;
  return secret;
}

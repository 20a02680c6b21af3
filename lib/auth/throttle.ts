import { HIDDEN_CHARACTER } from "@/lib/validation/text";

/**
 * The sign-in throttle's rules, with no database: which counters an attempt touches, and
 * whether the failures already counted refuse it. Three counters, each over a sliding window:
 *
 * - account-and-address: the strict limit (10). A guesser at one address stops here, and only
 *   that address is refused: the owner signing in from elsewhere is not.
 * - address: failures across all accounts (30), so one address cannot spray many accounts.
 * - account: failures from every address. Past a looser threshold (30) each further try
 *   waits a delay that doubles with every failure, capped at a minute: many addresses
 *   guessing one account slow down to a guess a minute, and the owner waits at most that.
 *
 * No rule ever locks an account for good: the first two free a place as their oldest failure
 * leaves the window, the third after its delay.
 *
 * A try from a browser that has signed in to the account before (its device cookie, see
 * lib/auth/device.ts) is counted on that device alone, with the strict limit: guessers at the
 * same office address or on many addresses touch other counters, so the owner gets in.
 */

export type ThrottleRule = "account-address" | "address" | "account" | "device";

export interface ThrottleSettings {
  windowMs: number;
  maxPerAccountAddress: number;
  maxPerAddress: number;
  /** Account failures (any address) within the window after which delays begin. */
  accountDelayAfter: number;
  maxAccountDelayMs: number;
}

/** Failures counted under one key within the window. */
export interface KeyStats {
  count: number;
  oldest: number;
  newest: number;
}

export interface ThrottleKey {
  rule: ThrottleRule;
  key: string;
}

export type ThrottleDecision =
  { allowed: true } | { allowed: false; rule: ThrottleRule; key: string; retryAfterSeconds: number };

/**
 * The counters an attempt for `email` from `ip` touches (no address: the account counter
 * only), or, from a known device of the account, that device's counter alone.
 */
export function throttleKeys(email: string, ip: string | null, deviceHash?: string | null): ThrottleKey[] {
  if (deviceHash) return [{ rule: "device", key: `device:${deviceHash}` }];
  // The key is shown to admins and stored in the audit log: cleaned and capped like the email.
  const account = auditableEmail(email);
  const keys: ThrottleKey[] = [{ rule: "account", key: `account:${account}` }];
  if (ip) {
    keys.unshift(
      { rule: "account-address", key: `account-address:${account}|${ip}` },
      { rule: "address", key: `address:${ip}` },
    );
  }
  return keys;
}

/** What a key names, for the admin page: the account, the address, or both. */
export function describeThrottleKey(
  key: string,
): { rule: ThrottleRule; account: string | null; address: string | null } | null {
  const match = /^(account-address|address|account|device):(.*)$/s.exec(key);
  if (!match) return null;
  const [, rule, rest] = match;
  if (rule === "device") return { rule, account: null, address: null };
  if (rule === "address") return { rule, account: null, address: rest };
  if (rule === "account") return { rule, account: rest, address: null };
  const bar = rest.lastIndexOf("|");
  return { rule: "account-address", account: rest.slice(0, bar), address: rest.slice(bar + 1) };
}

/** The delay the account rule asks before the next try, given its failures in the window. */
export function accountDelayMs(count: number, settings: ThrottleSettings): number {
  if (count < settings.accountDelayAfter) return 0;
  const doublings = Math.min(count - settings.accountDelayAfter, 30);
  return Math.min(1000 * 2 ** doublings, settings.maxAccountDelayMs);
}

/** When (ms) the failures under one key stop refusing, or null if they do not refuse now. */
export function refusedUntil(
  rule: ThrottleRule,
  stats: KeyStats | undefined,
  settings: ThrottleSettings,
  now: number,
): number | null {
  if (!stats || stats.count === 0) return null;
  let until: number;
  if (rule === "account") until = stats.newest + accountDelayMs(stats.count, settings);
  else {
    // A device has the strict limit of one account at one address.
    const max = rule === "address" ? settings.maxPerAddress : settings.maxPerAccountAddress;
    // Refused at the limit; a place frees when the oldest counted failure leaves the window.
    until = stats.count >= max ? stats.oldest + settings.windowMs : 0;
  }
  return until > now ? until : null;
}

/** Whether an attempt may be verified, given the failures counted under its keys. */
export function throttleDecision({
  keys,
  stats,
  settings,
  now,
}: {
  keys: ThrottleKey[];
  stats: Map<string, KeyStats>;
  settings: ThrottleSettings;
  now: number;
}): ThrottleDecision {
  let refusal: { rule: ThrottleRule; key: string; until: number } | null = null;
  for (const { rule, key } of keys) {
    const until = refusedUntil(rule, stats.get(key), settings, now);
    if (until !== null && (!refusal || until > refusal.until)) refusal = { rule, key, until };
  }
  if (!refusal) return { allowed: true };
  return {
    allowed: false,
    rule: refusal.rule,
    key: refusal.key,
    retryAfterSeconds: Math.max(1, Math.ceil((refusal.until - now) / 1000)),
  };
}

/** The refusal the user reads: when to try again, never which rule or whether the account exists. */
export function throttledMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds < 60)
    return `Too many attempts, try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * What a sign-in attempt's email looks like in the audit log: no control or bidirectional
 * characters (they could disguise a line for whoever reads it), NFC, at most 254 characters.
 */
export function auditableEmail(raw: string): string {
  const cleaned = raw.normalize("NFC").replace(new RegExp(HIDDEN_CHARACTER.source, "g"), "\uFFFD").trim().toLowerCase();
  return cleaned.length > 254 ? `${cleaned.slice(0, 253)}…` : cleaned;
}

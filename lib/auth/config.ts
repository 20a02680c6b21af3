import type { ThrottleSettings } from "./throttle";
import { parseRequiredRoles } from "./two-factor";

/** Auth settings read from the environment (documented in README.md), with their defaults. */
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const authSettings = {
  /** How long a session lasts, in seconds (default 8 hours). */
  sessionMaxAge: () => num("CHANCERY_SESSION_HOURS", 8) * 3600,
  /** The sign-in throttle's limits (lib/auth/throttle.ts says what each rule does). */
  throttle: (): ThrottleSettings => ({
    windowMs: num("CHANCERY_THROTTLE_WINDOW_SECONDS", 15 * 60) * 1000,
    maxPerAccountAddress: num("CHANCERY_THROTTLE_MAX_FAILURES", 10),
    maxPerAddress: num("CHANCERY_THROTTLE_MAX_PER_ADDRESS", 30),
    accountDelayAfter: num("CHANCERY_THROTTLE_ACCOUNT_DELAY_AFTER", 30),
    maxAccountDelayMs: num("CHANCERY_THROTTLE_MAX_DELAY_SECONDS", 60) * 1000,
  }),
  /** Whether demo accounts are created on first start (CHANCERY_DEMO_USERS=0 turns it off). */
  demoUsersEnabled: () => process.env.CHANCERY_DEMO_USERS !== "0",
  /** The roles that must have a second factor (CHANCERY_REQUIRE_2FA, e.g. "admin,clearer"; none by default). */
  secondFactorRoles: () => parseRequiredRoles(process.env.CHANCERY_REQUIRE_2FA),
};

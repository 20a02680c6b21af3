/** Auth settings read from the environment (documented in README.md), with their defaults. */
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const authSettings = {
  /** How long a session lasts, in seconds (default 8 hours). */
  sessionMaxAge: () => num("CHANCERY_SESSION_HOURS", 8) * 3600,
  /** Failed sign-ins allowed per account or address within the window. */
  throttleMaxFailures: () => num("CHANCERY_THROTTLE_MAX_FAILURES", 10),
  /** The throttling window, in seconds (default 15 minutes). */
  throttleWindowSeconds: () => num("CHANCERY_THROTTLE_WINDOW_SECONDS", 15 * 60),
  /** Whether demo accounts are created on first start (CHANCERY_DEMO_USERS=0 turns it off). */
  demoUsersEnabled: () => process.env.CHANCERY_DEMO_USERS !== "0",
};

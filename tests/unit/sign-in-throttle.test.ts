import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { clearThrottle, listThrottles } from "@/db/queries/login-failures";
import { createUser } from "@/db/queries/users";
import { auditLog } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { authSettings } from "@/lib/auth/config";
import { verifyCredentials } from "@/db/queries/sign-in";
import { throttledMessage } from "@/lib/auth/throttle";
import { ForbiddenError } from "@/lib/errors";
import { createMigratedDb, type TestDb } from "../helpers/db";

let t: TestDb;
const EMAIL = "officer@test.example";
const PASSWORD = "correct-horse-battery";
const WINDOW_MS = 15 * 60 * 1000;
const T0 = Date.now();

beforeEach(async () => {
  t = createMigratedDb();
  process.env.DATABASE_URL = t.file;
  await createUser({ actor: SYSTEM_ACTOR, input: { email: EMAIL, name: "Officer", role: "staff", password: PASSWORD }, db: t.db });
});
afterEach(() => {
  closeDb();
  t.close();
});

const attempt = (opts: { email?: string; password?: string; ip: string | null; now?: number }) =>
  verifyCredentials({ email: opts.email ?? EMAIL, password: opts.password ?? "wrong-password", ip: opts.ip, now: opts.now ?? T0 });
const auditCount = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).all().length;

describe("per account and address", () => {
  it("refuses the 11th try from one address even with the right password, not the owner elsewhere", async () => {
    for (let i = 0; i < 10; i++) expect(await attempt({ ip: "10.1.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt({ ip: "10.1.0.1", password: PASSWORD })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 900 });
    expect((await attempt({ ip: "10.9.9.9", password: PASSWORD })).ok).toBe(true);
  });

  it("frees a place when the oldest failure leaves the window", async () => {
    for (let i = 0; i < 10; i++) await attempt({ ip: "10.1.0.2", now: T0 + i * 1000 });
    expect(await attempt({ ip: "10.1.0.2", password: PASSWORD, now: T0 + WINDOW_MS - 1 })).toMatchObject({ reason: "throttled", retryAfterSeconds: 1 });
    expect((await attempt({ ip: "10.1.0.2", password: PASSWORD, now: T0 + WINDOW_MS + 1 })).ok).toBe(true);
  });

  it("verifies at most the limit of 40 parallel guesses: the rest are refused before the password check", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt({ ip: "10.1.0.3", password: `guess-${i}` })));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30);
    expect(auditCount("auth.sign_in_failed")).toBe(10); // only ten were verified
  });

  it("a success takes its own attempt back and forgets the account's failures", async () => {
    for (let i = 0; i < 9; i++) await attempt({ ip: "10.1.0.4" });
    expect((await attempt({ ip: "10.1.0.4", password: PASSWORD })).ok).toBe(true);
    for (let i = 0; i < 10; i++) expect(await attempt({ ip: "10.1.0.4" })).toMatchObject({ reason: "invalid" });
  });
});

describe("per address", () => {
  it("an address that tries many accounts is refused on every account; another address is not", async () => {
    for (let i = 0; i < 30; i++) expect(await attempt({ email: `guess${i}@test.example`, ip: "10.2.0.1" })).toMatchObject({ reason: "invalid" });
    expect(await attempt({ ip: "10.2.0.1", password: PASSWORD })).toMatchObject({ reason: "throttled" });
    expect((await attempt({ ip: "10.2.0.2", password: PASSWORD })).ok).toBe(true);
  });
});

describe("per account, from many addresses", () => {
  it("past the looser limit each try waits a delay that doubles, capped at a minute; it never locks for good", async () => {
    let now = T0;
    for (let i = 0; i < 30; i++) await attempt({ ip: `10.3.0.${i}`, now });
    expect(await attempt({ ip: "10.3.1.1", password: PASSWORD, now })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const refused = await attempt({ ip: "10.3.1.1", now });
      if (refused.ok || refused.reason !== "throttled") throw new Error("expected a refusal");
      delays.push(refused.retryAfterSeconds);
      now += refused.retryAfterSeconds * 1000;
      expect(await attempt({ ip: `10.3.2.${i}`, now })).toMatchObject({ reason: "invalid" }); // one more guess, after the delay
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    const owner = await attempt({ ip: "10.3.9.9", password: PASSWORD, now: now + 60_000 });
    expect(owner.ok).toBe(true);
  });
});

describe("the audit of anonymous attempts", () => {
  it("aggregates refused tries into one row per counter and window", async () => {
    for (let i = 0; i < 10; i++) await attempt({ ip: "10.4.0.1" });
    for (let i = 0; i < 100; i++) await attempt({ ip: "10.4.0.1" });
    const rows = t.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_throttled")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: `account-address:${EMAIL}|10.4.0.1`, ip: "10.4.0.1" });
    expect(rows[0].detail).toMatchObject({ refused: 100, rule: "account-address" });
  });

  it("stores the tried email cleaned of control and bidi characters, and capped", async () => {
    await attempt({ email: "a\u0000b\u202Ec@x.example", ip: "10.4.0.2" });
    await attempt({ email: `${"x".repeat(5000)}@x.example`, ip: "10.4.0.3" });
    const emails = t.db.select({ e: auditLog.actorEmail }).from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed")).all().map((r) => r.e!);
    expect(emails[0]).toBe("a\uFFFDb\uFFFDc@x.example");
    expect(emails[1]).toHaveLength(254);
  });
});

describe("admins see and clear a throttle", () => {
  const admin = { ...SYSTEM_ACTOR, userId: "admin-1", email: "admin@test.example", role: "admin" as const };
  const staff = { ...admin, role: "staff" as const };

  it("lists the refusing counter, clears it (audited), and the owner gets in", async () => {
    for (let i = 0; i < 10; i++) await attempt({ ip: "10.5.0.1" });
    const settings = authSettings.throttle();
    const rows = listThrottles({ actor: admin, settings, now: T0 });
    const blocked = rows.find((r) => r.refusedUntil !== null)!;
    expect(blocked).toMatchObject({ rule: "account-address", account: EMAIL, address: "10.5.0.1", failures: 10 });
    expect(() => listThrottles({ actor: staff, settings })).toThrow(ForbiddenError);
    expect(() => clearThrottle({ actor: staff, key: blocked.key })).toThrow(ForbiddenError);
    expect(clearThrottle({ actor: admin, key: blocked.key })).toEqual({ cleared: 10 });
    const audit = t.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.throttle_cleared"), eq(auditLog.actorId, "admin-1"))).all();
    expect(audit).toHaveLength(1);
    expect((await attempt({ ip: "10.5.0.1", password: PASSWORD })).ok).toBe(true);
  });
});

describe("throttledMessage", () => {
  it.each([[1, "1 second"], [45, "45 seconds"], [60, "1 minute"], [900, "15 minutes"], [61, "2 minutes"]])("%i s reads '%s'", (s, words) => {
    expect(throttledMessage(s)).toBe(`Too many attempts, try again in ${words}.`);
  });
});

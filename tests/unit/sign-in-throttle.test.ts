import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { clearThrottle, knownDevice, listThrottles, rememberDevice } from "@/db/queries/sign-in-limits";
import { createUser } from "@/db/queries/users/create-user";
import { auditLog } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { authSettings } from "@/lib/auth/config";
import { verifyCredentials } from "@/db/queries/sign-in";
import { throttledMessage } from "@/lib/auth/throttle";
import { ForbiddenError } from "@/lib/errors";
import { createMigratedDb, read, type TestDb } from "../helpers/db";

let t: TestDb;
const EMAIL = "officer@test.example";
const PASSWORD = "correct-horse-battery";
const WINDOW_MS = 15 * 60 * 1000;
const T0 = Date.now();

beforeEach(async () => {
  t = await createMigratedDb();
  process.env.DATABASE_URL = t.file;
  await createUser({
    actor: SYSTEM_ACTOR,
    input: { email: EMAIL, name: "Officer", role: "staff", password: PASSWORD },
    db: t.db,
  });
});
afterEach(() => {
  closeDb();
  t.close();
});

const attempt = (opts: { email?: string; password?: string; ip: string | null; now?: number }) =>
  verifyCredentials({
    email: opts.email ?? EMAIL,
    password: opts.password ?? "wrong-password",
    ip: opts.ip,
    now: opts.now ?? T0,
  });
const auditCount = async (action: string) =>
  (await read(t.db).select().from(auditLog).where(eq(auditLog.action, action))).length;

describe("per account and address", () => {
  it("refuses the 11th try from one address even with the right password, not the owner elsewhere", async () => {
    for (let i = 0; i < 10; i++) expect(await attempt({ ip: "10.1.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt({ ip: "10.1.0.1", password: PASSWORD })).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 900,
    });
    expect((await attempt({ ip: "10.9.9.9", password: PASSWORD })).ok).toBe(true);
  });

  it("frees a place when the oldest failure leaves the window", async () => {
    for (let i = 0; i < 10; i++) await attempt({ ip: "10.1.0.2", now: T0 + i * 1000 });
    expect(await attempt({ ip: "10.1.0.2", password: PASSWORD, now: T0 + WINDOW_MS - 1 })).toMatchObject({
      reason: "throttled",
      retryAfterSeconds: 1,
    });
    expect((await attempt({ ip: "10.1.0.2", password: PASSWORD, now: T0 + WINDOW_MS + 1 })).ok).toBe(true);
  });

  it("verifies at most the limit of 40 parallel guesses: the rest are refused before the password check", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt({ ip: "10.1.0.3", password: `guess-${i}` })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30);
    expect(await auditCount("auth.sign_in_failed")).toBe(10); // only ten were verified
  });

  it("a success takes its own attempt back and forgets the account's failures", async () => {
    for (let i = 0; i < 9; i++) await attempt({ ip: "10.1.0.4" });
    expect((await attempt({ ip: "10.1.0.4", password: PASSWORD })).ok).toBe(true);
    for (let i = 0; i < 10; i++) expect(await attempt({ ip: "10.1.0.4" })).toMatchObject({ reason: "invalid" });
  });
});

describe("per address", () => {
  it("an address that tries many accounts is refused on every account; another address is not", async () => {
    for (let i = 0; i < 30; i++)
      expect(await attempt({ email: `guess${i}@test.example`, ip: "10.2.0.1" })).toMatchObject({ reason: "invalid" });
    expect(await attempt({ ip: "10.2.0.1", password: PASSWORD })).toMatchObject({ reason: "throttled" });
    expect((await attempt({ ip: "10.2.0.2", password: PASSWORD })).ok).toBe(true);
  });
});

describe("per account, from many addresses", () => {
  it("past the looser limit each try waits a delay that doubles, capped at a minute; it never locks for good", async () => {
    let now = T0;
    for (let i = 0; i < 30; i++) await attempt({ ip: `10.3.0.${i}`, now });
    expect(await attempt({ ip: "10.3.1.1", password: PASSWORD, now })).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 1,
    });
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
    const rows = await read(t.db).select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_throttled"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: `account-address:${EMAIL}|10.4.0.1`, ip: "10.4.0.1" });
    expect(rows[0].detail).toMatchObject({ refused: 100, rule: "account-address" });
  });

  it("stores the tried email cleaned of control and bidi characters, and capped", async () => {
    await attempt({ email: "a\u0000b\u202Ec@x.example", ip: "10.4.0.2" });
    await attempt({ email: `${"x".repeat(5000)}@x.example`, ip: "10.4.0.3" });
    const emails = (
      await read(t.db)
        .select({ e: auditLog.actorEmail })
        .from(auditLog)
        .where(eq(auditLog.action, "auth.sign_in_failed"))
    ).map((r) => r.e!);
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
    const rows = await listThrottles({ actor: admin, settings, now: T0 });
    const blocked = rows.find((r) => r.refusedUntil !== null)!;
    expect(blocked).toMatchObject({ rule: "account-address", account: EMAIL, address: "10.5.0.1", failures: 10 });
    await expect(listThrottles({ actor: staff, settings })).rejects.toThrow(ForbiddenError);
    await expect(clearThrottle({ actor: staff, key: blocked.key })).rejects.toThrow(ForbiddenError);
    expect(await clearThrottle({ actor: admin, key: blocked.key })).toEqual({ cleared: 10 });
    const audit = await read(t.db)
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.throttle_cleared"), eq(auditLog.actorId, "admin-1")));
    expect(audit).toHaveLength(1);
    expect((await attempt({ ip: "10.5.0.1", password: PASSWORD })).ok).toBe(true);
  });
});

describe("throttledMessage", () => {
  it.each([
    [1, "1 second"],
    [45, "45 seconds"],
    [60, "1 minute"],
    [900, "15 minutes"],
    [61, "2 minutes"],
  ])("%i s reads '%s'", (s, words) => {
    expect(throttledMessage(s)).toBe(`Too many attempts, try again in ${words}.`);
  });
});

describe("the counters' keys", () => {
  it("carry the tried email cleaned and capped, as the audit log and the admin page show them", async () => {
    const raw = "admin@x.example\u202E\u0000\r\nSIGNED IN OK";
    for (let i = 0; i < 11; i++) await attempt({ email: raw, ip: "10.6.0.1" });
    const keys = await read(t.db)
      .select({ key: auditLog.entityId })
      .from(auditLog)
      .where(eq(auditLog.action, "auth.sign_in_throttled"));
    expect(keys).toEqual([{ key: "account-address:admin@x.example\uFFFD\uFFFD\uFFFD\uFFFDsigned in ok|10.6.0.1" }]);
    const shown = (await listThrottles({ actor: { ...SYSTEM_ACTOR }, settings: authSettings.throttle(), now: T0 })).map(
      (r) => r.key,
    );
    expect(shown.every((key) => !/[\u0000-\u001F\u202A-\u202E]/.test(key))).toBe(true);
  });
});

describe("a browser the account signed in from (device cookie)", () => {
  const DAYS = 180;
  const remember = () => rememberDevice({ token: null, account: EMAIL, now: T0, maxAgeDays: DAYS, db: t.db });

  it("gets its owner in while guessers fill the office address and the account from many addresses", async () => {
    const device = await remember();
    for (let i = 0; i < 30; i++) await attempt({ email: `other${i}@test.example`, ip: "10.7.0.1" }); // the office address
    for (let i = 0; i < 40; i++) await attempt({ ip: `10.7.1.${i}` }); // the account, from many addresses
    expect(await attempt({ ip: "10.7.0.1", password: PASSWORD })).toMatchObject({ reason: "throttled" }); // no cookie
    expect(
      (await verifyCredentials({ email: EMAIL, password: PASSWORD, ip: "10.7.0.1", deviceToken: device, now: T0 })).ok,
    ).toBe(true);
  });

  it("is counted on its own with the strict limit, so a stolen cookie buys ten guesses", async () => {
    const device = await remember();
    const withDevice = (password: string) =>
      verifyCredentials({
        email: EMAIL,
        password,
        ip: `10.7.2.${(Math.random() * 250) | 0}`,
        deviceToken: device,
        now: T0,
      });
    for (let i = 0; i < 10; i++) expect(await withDevice("wrong-password")).toMatchObject({ reason: "invalid" });
    expect(await withDevice(PASSWORD)).toMatchObject({ reason: "throttled" });
  });

  it("counts for its own account only, and not once expired; it is renewed, not replaced, on the next sign-in", async () => {
    const device = await remember();
    expect(await knownDevice({ token: device, account: EMAIL, now: T0, maxAgeDays: DAYS, db: t.db })).toMatch(
      /^[0-9a-f]{64}$/,
    );
    expect(
      await knownDevice({ token: device, account: "someone-else@test.example", now: T0, maxAgeDays: DAYS, db: t.db }),
    ).toBeNull();
    expect(await knownDevice({ token: "forged", account: EMAIL, now: T0, maxAgeDays: DAYS, db: t.db })).toBeNull();
    expect(
      await knownDevice({
        token: device,
        account: EMAIL,
        now: T0 + (DAYS + 1) * 86_400_000,
        maxAgeDays: DAYS,
        db: t.db,
      }),
    ).toBeNull();
    expect(await rememberDevice({ token: device, account: EMAIL, now: T0 + 1000, maxAgeDays: DAYS, db: t.db })).toBe(
      device,
    );
    expect(
      await rememberDevice({
        token: device,
        account: "someone-else@test.example",
        now: T0,
        maxAgeDays: DAYS,
        db: t.db,
      }),
    ).not.toBe(device);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { withWriteTransaction } from "@/db/client";
import * as s from "@/db/schema";
import { verifyCredentials, verifySecondFactor } from "@/db/queries/sign-in";
import { confirmSecondFactor } from "@/db/queries/two-factor/confirm-second-factor";
import { getSecondFactorStatus } from "@/db/queries/two-factor/get-second-factor-status";
import { replaceRecoveryCodes } from "@/db/queries/two-factor/replace-recovery-codes";
import { acknowledgeFailedCodes } from "@/db/queries/two-factor/acknowledge-failed-codes";
import { startSecondFactorSetup } from "@/db/queries/two-factor/start-second-factor-setup";
import { turnOffSecondFactor } from "@/db/queries/two-factor/turn-off-second-factor";
import { findSessionUser } from "@/db/queries/users/find-session-user";
import { listUsers } from "@/db/queries/users/list-users";
import { resetSecondFactor } from "@/db/queries/users/reset-second-factor";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { createPendingToken, PENDING_MAX_AGE_SECONDS, readPendingToken } from "@/lib/auth/pending-sign-in";
import {
  codeKind,
  matchTotpStep,
  mustEnrol,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  parseRequiredRoles,
  recoveryCodeHash,
  SECOND_FACTOR_MAX_FAILURES,
  SECOND_FACTOR_WINDOW_MS,
  secondFactorRequired,
  totpCode,
  totpStep,
  totpUri,
} from "@/lib/auth/two-factor";
import { decryptSecret, encryptSecret, parseTwoFactorKey, twoFactorKey } from "@/lib/auth/two-factor-key";
import { isAppError } from "@/lib/errors";
import { makeActor } from "../helpers/actors";
import { createMigratedDb, read, refusalOf, storedText, type TestDb } from "../helpers/db";

const KEY_HEX = "11".repeat(32);
/** A moment at the start of a time step, so "the next step" is exactly 30 s later. */
const T0 = Math.floor(Date.now() / 30_000) * 30_000;
const STEP = 30_000;
const PASSWORD = "a-long-test-password"; // makeActor's

let t: TestDb;
beforeAll(() => vi.stubEnv("CHANCERY_2FA_KEY", KEY_HEX));
afterAll(() => vi.unstubAllEnvs());
beforeEach(async () => {
  t = await createMigratedDb();
});
afterEach(() => t.close());

/** Sets up and confirms a second factor for `actor` at `now`; returns its secret and recovery codes. */
async function enrol(actor: Actor, now = T0) {
  await startSecondFactorSetup({ actor, db: t.db });
  const status = await getSecondFactorStatus({ actor, db: t.db });
  if (status.state !== "setting-up") throw new Error(`expected a set-up, got ${status.state}`);
  const { recoveryCodes } = await confirmSecondFactor({
    actor,
    code: totpCode(status.secret, now),
    now,
    db: t.db,
  });
  return { secret: status.secret, recoveryCodes };
}

async function sessionVersionOf(userId: string) {
  const [row] = await read(t.db).select({ sv: s.users.sessionVersion }).from(s.users).where(eq(s.users.id, userId));
  return row.sv;
}

const codeStep = async (actor: Actor, code: string, now: number) =>
  verifySecondFactor({
    userId: actor.userId,
    sessionVersion: await sessionVersionOf(actor.userId),
    code,
    ip: "10.0.0.1",
    now,
    db: t.db,
  });

const auditRows = (action: string) => read(t.db).select().from(s.auditLog).where(eq(s.auditLog.action, action));

describe("TOTP codes (RFC 6238)", () => {
  const secret = newTotpSecret();

  it("accepts the code of the current step and of one step either side, not two", () => {
    const now = T0 + 10_000;
    const current = totpStep(now);
    for (const [offset, expected] of [
      [-2, null],
      [-1, current - 1],
      [0, current],
      [1, current + 1],
      [2, null],
    ] as const) {
      const token = totpCode(secret, now + offset * STEP);
      expect({ offset, step: matchTotpStep({ secret, token, now, lastStep: null }) }).toEqual({
        offset,
        step: expected,
      });
    }
  });

  it("refuses a code whose step is not later than the last one accepted (no replay)", () => {
    const token = totpCode(secret, T0);
    const step = matchTotpStep({ secret, token, now: T0, lastStep: null });
    expect(step).toBe(totpStep(T0));
    expect(matchTotpStep({ secret, token, now: T0, lastStep: step })).toBeNull();
    expect(matchTotpStep({ secret, token, now: T0 + STEP, lastStep: step })).toBeNull();
    // The next step's code is still good.
    expect(matchTotpStep({ secret, token: totpCode(secret, T0 + STEP), now: T0 + STEP, lastStep: step })).toBe(
      step! + 1,
    );
  });

  it("takes spaces and refuses what is not six digits; knows a recovery code when it sees one", () => {
    const token = totpCode(secret, T0);
    expect(matchTotpStep({ secret, token: `${token.slice(0, 3)} ${token.slice(3)}`, now: T0, lastStep: null })).toBe(
      totpStep(T0),
    );
    expect(matchTotpStep({ secret, token: token.slice(1), now: T0, lastStep: null })).toBeNull();
    const [recovery] = newRecoveryCodes(1);
    expect(codeKind(token)).toBe("totp");
    expect(codeKind(recovery)).toBe("recovery");
    expect(codeKind(recovery.toLowerCase().replace(/-/g, " "))).toBe("recovery");
    expect(codeKind("hello")).toBeNull();
  });

  it("gives authenticator apps an otpauth:// address with the issuer and the account", () => {
    const uri = new URL(totpUri(secret, "someone@ministry.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Chancery:someone@ministry.example");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Chancery");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("recovery codes", () => {
  it("are ten long random codes, stored as the SHA-256 of their normalised text", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    const [code] = codes;
    expect(recoveryCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeHash(code.toLowerCase().replace(/-/g, ""))).toBe(recoveryCodeHash(code));
    expect(normaliseRecoveryCode("too-short")).toBeNull();
  });

  it("each signs in once", async () => {
    const actor = await makeActor(t.db);
    const { recoveryCodes } = await enrol(actor);
    const [first, second] = recoveryCodes;
    expect(await codeStep(actor, first, T0 + STEP)).toMatchObject({ ok: true, kind: "recovery", recoveryCodesLeft: 9 });
    expect(await codeStep(actor, first, T0 + 2 * STEP)).toEqual({ ok: false, reason: "invalid" });
    expect(await codeStep(actor, second.toLowerCase(), T0 + 3 * STEP)).toMatchObject({
      ok: true,
      recoveryCodesLeft: 8,
    });
    const used = await auditRows("2fa.recovery_code_used");
    expect(used.map((r) => r.detail)).toEqual([
      { purpose: "sign-in", recoveryCodesLeft: 9 },
      { purpose: "sign-in", recoveryCodesLeft: 8 },
    ]);
    expect(await getSecondFactorStatus({ actor, db: t.db })).toMatchObject({ state: "on", recoveryCodesLeft: 8 });
  });
});

describe("setting up, signing in, turning off", () => {
  it("is on only once a code confirms it, then sign-in needs a code that is not replayed", async () => {
    const actor = await makeActor(t.db);
    await startSecondFactorSetup({ actor, db: t.db });
    const setUp = await getSecondFactorStatus({ actor, db: t.db });
    expect(setUp.state).toBe("setting-up");
    // Not on yet: the password alone still signs in.
    expect(await verifyCredentials({ email: actor.email, password: PASSWORD, ip: null, db: t.db })).toMatchObject({
      ok: true,
      secondFactor: false,
    });
    const secret = (setUp as { secret: string }).secret;
    await expect(confirmSecondFactor({ actor, code: "000000", now: T0, db: t.db })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { code: [expect.stringContaining("does not match")] },
    });
    await confirmSecondFactor({ actor, code: totpCode(secret, T0), now: T0, db: t.db });
    expect((await auditRows("2fa.enabled")).map((r) => r.entityId)).toEqual([actor.userId]);

    const password = await verifyCredentials({ email: actor.email, password: PASSWORD, ip: null, db: t.db });
    expect(password).toMatchObject({ ok: true, secondFactor: true });
    expect((await auditRows("auth.password_accepted")).length).toBe(1);
    expect((await auditRows("auth.signed_in")).length).toBe(1); // the one before it was on

    // The code that confirmed the set-up cannot sign in: its step is spent.
    expect(await codeStep(actor, totpCode(secret, T0), T0 + 5_000)).toEqual({ ok: false, reason: "invalid" });
    const next = totpCode(secret, T0 + STEP);
    expect(await codeStep(actor, next, T0 + STEP + 1_000)).toMatchObject({ ok: true, kind: "totp" });
    // Replayed within its window: refused.
    expect(await codeStep(actor, next, T0 + STEP + 2_000)).toEqual({ ok: false, reason: "invalid" });
    const signedIn = await auditRows("auth.signed_in");
    expect(signedIn.map((r) => r.detail)).toEqual([null, { secondFactor: "totp" }]);
  });

  it("refuses the code step for a pending sign-in whose account changed since the password", async () => {
    const actor = await makeActor(t.db);
    const { secret } = await enrol(actor);
    const result = await verifySecondFactor({
      userId: actor.userId,
      sessionVersion: (await sessionVersionOf(actor.userId)) - 1,
      code: totpCode(secret, T0 + STEP),
      ip: null,
      now: T0 + STEP,
      db: t.db,
    });
    expect(result).toEqual({ ok: false, reason: "expired" });
  });

  it("turns off only with the password and a current code; a wrong one counts against the limit", async () => {
    const actor = await makeActor(t.db);
    const { secret } = await enrol(actor);
    await expect(
      turnOffSecondFactor({
        actor,
        password: "wrong-password!",
        code: totpCode(secret, T0 + STEP),
        now: T0 + STEP,
        db: t.db,
      }),
    ).rejects.toMatchObject({ status: 400, message: "The password or the code is not right." });
    await expect(
      turnOffSecondFactor({ actor, password: PASSWORD, code: "123456", now: T0 + STEP, db: t.db }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await read(t.db).select().from(s.secondFactorFailures)).length).toBe(2);
    expect((await getSecondFactorStatus({ actor, db: t.db })).state).toBe("on");
    await turnOffSecondFactor({
      actor,
      password: PASSWORD,
      code: totpCode(secret, T0 + STEP),
      now: T0 + STEP,
      db: t.db,
    });
    expect(await getSecondFactorStatus({ actor, db: t.db })).toEqual({ state: "off" });
    expect(await read(t.db).select().from(s.recoveryCodes)).toEqual([]);
    expect((await auditRows("2fa.disabled")).length).toBe(1);
    // Wrong codes of re-authentication are not sign-in codes: nothing to tell at the next sign-in.
    expect(
      (await findSessionUser({ userId: actor.userId, sessionVersion: await sessionVersionOf(actor.userId), db: t.db }))
        ?.failedCodes,
    ).toBeNull();
  });
});

describe("new recovery codes", () => {
  it("need the password and a current code; the old codes stop working, the new ones each sign in once", async () => {
    const actor = await makeActor(t.db);
    const { secret, recoveryCodes: old } = await enrol(actor);
    await expect(
      replaceRecoveryCodes({
        actor,
        password: "wrong-password!",
        code: totpCode(secret, T0 + STEP),
        now: T0 + STEP,
        db: t.db,
      }),
    ).rejects.toMatchObject({ status: 400, message: "The password or the code is not right." });
    await expect(
      replaceRecoveryCodes({ actor, password: PASSWORD, code: "123456", now: T0 + STEP, db: t.db }),
    ).rejects.toMatchObject({ status: 400 });
    // Refused twice: nothing replaced, both failures counted against the strict limit.
    expect((await read(t.db).select().from(s.secondFactorFailures)).length).toBe(2);
    expect((await auditRows("2fa.recovery_codes_replaced")).length).toBe(0);

    const { recoveryCodes: renewed } = await replaceRecoveryCodes({
      actor,
      password: PASSWORD,
      code: totpCode(secret, T0 + STEP),
      now: T0 + STEP,
      db: t.db,
    });
    expect(renewed).toHaveLength(10);
    expect(renewed.filter((c) => old.includes(c))).toEqual([]);
    expect((await read(t.db).select().from(s.recoveryCodes)).length).toBe(10);
    expect(await auditRows("2fa.recovery_codes_replaced")).toHaveLength(1);
    expect(await getSecondFactorStatus({ actor, db: t.db })).toMatchObject({ state: "on", recoveryCodesLeft: 10 });

    // The TOTP step just used cannot be replayed at sign-in; an old recovery code is refused.
    expect(await codeStep(actor, totpCode(secret, T0 + STEP), T0 + STEP)).toMatchObject({ ok: false });
    expect(await codeStep(actor, old[0], T0 + 2 * STEP)).toMatchObject({ ok: false });
    expect(await codeStep(actor, renewed[0], T0 + 2 * STEP)).toMatchObject({ ok: true });
    expect(await codeStep(actor, renewed[0], T0 + 3 * STEP)).toMatchObject({ ok: false });
  });
});

describe("encryption at rest", () => {
  it("keeps neither the TOTP secret nor a recovery code in the database", async () => {
    const actor = await makeActor(t.db);
    const { secret, recoveryCodes } = await enrol(actor);
    // Every byte the database has written (SQLite: the file, its WAL and anything beside it;
    // PostgreSQL: every row of every table).
    const bytes = await storedText(t);
    expect(bytes).toContain(recoveryCodeHash(recoveryCodes[0])!); // the check can see what is there
    expect(bytes).not.toContain(secret);
    for (const code of recoveryCodes) {
      expect(bytes).not.toContain(code);
      expect(bytes).not.toContain(normaliseRecoveryCode(code)!);
    }
    const [row] = await read(t.db).select().from(s.userSecondFactors);
    expect(row.secretEncrypted).toMatch(/^v1\./);
    expect(decryptSecret(row.secretEncrypted, actor.userId, parseTwoFactorKey(KEY_HEX))).toBe(secret);
  });

  it("does not decrypt with another key, nor on another user's row", () => {
    const key = parseTwoFactorKey(KEY_HEX);
    const sealed = encryptSecret("JBSWY3DPEHPK3PXP", "user-a", key);
    expect(decryptSecret(sealed, "user-a", key)).toBe("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(sealed, "user-b", key)).toBeNull();
    expect(decryptSecret(sealed, "user-a", parseTwoFactorKey("22".repeat(32)))).toBeNull();
    // One bit of the ciphertext flipped: the tag no longer matches.
    const [version, iv, body] = sealed.split(".");
    const bytes = Buffer.from(body, "base64url");
    bytes[0] ^= 1;
    expect(decryptSecret([version, iv, bytes.toString("base64url")].join("."), "user-a", key)).toBeNull();
    expect(encryptSecret("JBSWY3DPEHPK3PXP", "user-a", key)).not.toBe(sealed); // a fresh nonce each time
  });

  it("a lost key makes the second factor unreadable: refused, not bypassed", async () => {
    const actor = await makeActor(t.db);
    const { secret } = await enrol(actor);
    vi.stubEnv("CHANCERY_2FA_KEY", "33".repeat(32));
    try {
      expect(await codeStep(actor, totpCode(secret, T0 + STEP), T0 + STEP)).toEqual({
        ok: false,
        reason: "unreadable",
      });
    } finally {
      vi.stubEnv("CHANCERY_2FA_KEY", KEY_HEX);
    }
  });

  it("generates the key file once, mode 0600, when CHANCERY_2FA_KEY is unset; the variable wins", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-key-"));
    const databaseUrl = process.env.DATABASE_URL;
    vi.stubEnv("CHANCERY_2FA_KEY", "");
    // Generated only beside a SQLite file: on PostgreSQL the key is required (postgres-setup.test.ts).
    vi.stubEnv("DATABASE_URL", path.join(dir, "chancery.db"));
    try {
      const key = twoFactorKey(dir);
      expect(key).toHaveLength(32);
      const file = path.join(dir, "two-factor-key");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(twoFactorKey(dir).equals(key)).toBe(true);
      vi.stubEnv("CHANCERY_2FA_KEY", KEY_HEX);
      expect(twoFactorKey(dir).equals(parseTwoFactorKey(KEY_HEX))).toBe(true);
      expect(() => parseTwoFactorKey("too-short")).toThrow(/32 random bytes/);
      expect(parseTwoFactorKey(Buffer.alloc(32, 7).toString("base64"))).toEqual(Buffer.alloc(32, 7));
    } finally {
      vi.stubEnv("CHANCERY_2FA_KEY", KEY_HEX);
      vi.stubEnv("DATABASE_URL", databaseUrl);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the limit on wrong codes", () => {
  it("refuses the account's codes after five wrong ones in 15 minutes, even the right one, then lets it in", async () => {
    const actor = await makeActor(t.db);
    const { secret } = await enrol(actor);
    for (let i = 0; i < SECOND_FACTOR_MAX_FAILURES; i++)
      expect(await codeStep(actor, "000000", T0 + i * 1_000)).toEqual({ ok: false, reason: "invalid" });
    const now = T0 + 10_000;
    expect(await codeStep(actor, totpCode(secret, now), now)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: Math.ceil((T0 + SECOND_FACTOR_WINDOW_MS - now) / 1000),
    });
    // Not the password limits: no login failure was counted for the codes.
    expect(await read(t.db).select().from(s.loginFailures)).toEqual([]);
    // One audit row for the window, with running counts.
    const audited = await auditRows("2fa.code_failed");
    expect(audited).toHaveLength(1);
    expect(audited[0].detail).toMatchObject({ failed: 5, refused: 1, lastPurpose: "sign-in" });
    // Once the oldest failure leaves the window, the right code gets in.
    const later = T0 + SECOND_FACTOR_WINDOW_MS + 1;
    expect(await codeStep(actor, totpCode(secret, later), later)).toMatchObject({ ok: true });
  });

  it("counts codes sent in parallel (as through several instances) and refuses past the limit, never a 503", async () => {
    const actor = await makeActor(t.db);
    const { secret } = await enrol(actor);
    const sessionVersion = await sessionVersionOf(actor.userId);
    const send = (code: string, now: number) =>
      verifySecondFactor({ userId: actor.userId, sessionVersion, code, ip: "10.0.0.1", now, db: t.db });
    const wrong = await Promise.all(Array.from({ length: 30 }, (_, i) => send("000000", T0 + 1_000 + i)));
    expect(wrong.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SECOND_FACTOR_MAX_FAILURES);
    expect(wrong.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - SECOND_FACTOR_MAX_FAILURES);
    // Past the window, one right code sent six times at once signs in once.
    const later = T0 + SECOND_FACTOR_WINDOW_MS + STEP;
    const same = await Promise.all(Array.from({ length: 6 }, () => send(totpCode(secret, later), later)));
    expect(same.filter((r) => r.ok)).toHaveLength(1);
    expect(same.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
  });

  it("tells the user of the wrong codes at their next sign-in, until they acknowledge it", async () => {
    const actor = await makeActor(t.db);
    const { secret } = await enrol(actor);
    await codeStep(actor, "111111", T0 + 1_000);
    await codeStep(actor, "222222", T0 + 2_000);
    await codeStep(actor, totpCode(secret, T0 + STEP), T0 + STEP);
    const session = await findSessionUser({
      userId: actor.userId,
      sessionVersion: await sessionVersionOf(actor.userId),
      db: t.db,
    });
    expect(session?.failedCodes).toEqual({ count: 2, lastAt: new Date(T0 + 2_000).toISOString() });
    await acknowledgeFailedCodes({ actor, db: t.db });
    expect(
      (await findSessionUser({ userId: actor.userId, sessionVersion: await sessionVersionOf(actor.userId), db: t.db }))
        ?.failedCodes,
    ).toBeNull();
  });
});

describe("CHANCERY_REQUIRE_2FA: who must set up a second factor", () => {
  const users = {
    staff: { role: "staff", clearer: false },
    admin: { role: "admin", clearer: false },
    "staff+clearer": { role: "staff", clearer: true },
    "admin+clearer": { role: "admin", clearer: true },
  } as const;
  // setting → the users it requires a second factor of.
  const table: [string | undefined, (keyof typeof users)[]][] = [
    [undefined, []],
    ["", []],
    ["admin", ["admin", "admin+clearer"]],
    ["clearer", ["staff+clearer", "admin+clearer"]],
    ["admin,clearer", ["admin", "staff+clearer", "admin+clearer"]],
    [" Admin , CLEARER ", ["admin", "staff+clearer", "admin+clearer"]],
    ["staff", ["staff", "staff+clearer"]],
    ["staff,admin", ["staff", "admin", "staff+clearer", "admin+clearer"]],
    ["admins", []],
  ];
  it.each(table)("%j requires it of %j", (setting, required) => {
    const { roles } = parseRequiredRoles(setting);
    const got = (Object.keys(users) as (keyof typeof users)[]).filter((u) => secondFactorRequired(users[u], roles));
    expect(got).toEqual(required);
    for (const u of Object.keys(users) as (keyof typeof users)[]) {
      expect(mustEnrol({ ...users[u], secondFactor: true }, roles)).toBe(false);
      expect(mustEnrol({ ...users[u], secondFactor: false }, roles)).toBe(required.includes(u));
    }
  });

  it("reports the names it does not know instead of silently requiring less", () => {
    expect(parseRequiredRoles("admins,clearer").unknown).toEqual(["admins"]);
  });

  it("the session user carries whether the second factor is on", async () => {
    const admin = await makeActor(t.db, "admin");
    const current = async () =>
      findSessionUser({ userId: admin.userId, sessionVersion: await sessionVersionOf(admin.userId), db: t.db });
    const { roles } = parseRequiredRoles("admin,clearer");
    expect(mustEnrol((await current())!, roles)).toBe(true);
    await startSecondFactorSetup({ actor: admin, db: t.db });
    expect(mustEnrol((await current())!, roles)).toBe(true); // being set up is not on
    const status = await getSecondFactorStatus({ actor: admin, db: t.db });
    await confirmSecondFactor({
      actor: admin,
      code: totpCode((status as { secret: string }).secret, T0),
      now: T0,
      db: t.db,
    });
    expect(mustEnrol((await current())!, roles)).toBe(false);
  });
});

describe("the pending sign-in token", () => {
  const secret = "session-secret-for-tests";
  const user = { userId: "u1", email: "a@b.example", sessionVersion: 3 };

  it("reads back what it was made with, within five minutes", () => {
    const token = createPendingToken(user, secret, T0);
    expect(readPendingToken(token, secret, T0 + 1_000)).toEqual({
      ...user,
      expiresAt: T0 + PENDING_MAX_AGE_SECONDS * 1000,
    });
    expect(readPendingToken(token, secret, T0 + PENDING_MAX_AGE_SECONDS * 1000)).toBeNull();
  });

  it("refuses a token altered, signed with another secret, or malformed", () => {
    const token = createPendingToken(user, secret, T0);
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), userId: "admin" }),
    ).toString("base64url");
    expect(readPendingToken(`${forged}.${signature}`, secret, T0)).toBeNull();
    expect(readPendingToken(token, "another-secret", T0)).toBeNull();
    for (const bad of ["", "x", "a.b.c", `${payload}.`, null]) expect(readPendingToken(bad, secret, T0)).toBeNull();
  });
});

describe("the admin reset", () => {
  it("removes a user's second factor and ends their sessions, audited; never one's own on the page", async () => {
    const admin = await makeActor(t.db, "admin");
    const staff = await makeActor(t.db);
    await enrol(staff);
    const before = await sessionVersionOf(staff.userId);
    const listed = await listUsers({ actor: admin, db: t.db });
    expect(listed.rows.find((u) => u.id === staff.userId)?.secondFactor).toBe("on");
    await resetSecondFactor({ actor: admin, userId: staff.userId, db: t.db });
    expect(await sessionVersionOf(staff.userId)).toBe(before + 1);
    expect(await getSecondFactorStatus({ actor: staff, db: t.db })).toEqual({ state: "off" });
    const audited = await auditRows("2fa.reset");
    expect(audited.map((r) => [r.actorId, r.entityId])).toEqual([[admin.userId, staff.userId]]);
    await expect(resetSecondFactor({ actor: admin, userId: staff.userId, db: t.db })).rejects.toMatchObject({
      status: 400,
    });
    await expect(resetSecondFactor({ actor: staff, userId: admin.userId, db: t.db })).rejects.toMatchObject({
      status: 403,
    });
    await enrol(admin);
    await expect(resetSecondFactor({ actor: admin, userId: admin.userId, db: t.db })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("asks for the acting admin's own current code to reset another admin's", async () => {
    const acting = await makeActor(t.db, "admin");
    const other = await makeActor(t.db, "admin");
    const { secret } = await enrol(acting);
    await enrol(other);
    const now = T0 + STEP;
    const refusal = await resetSecondFactor({ actor: acting, userId: other.userId, now, db: t.db }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(refusal) && refusal.status).toBe(400);
    expect(refusal).toMatchObject({ fieldErrors: { actorCode: [expect.stringContaining("your own current code")] } });
    await expect(
      resetSecondFactor({ actor: acting, userId: other.userId, actorCode: "000000", now, db: t.db }),
    ).rejects.toMatchObject({ fieldErrors: { actorCode: ["That is not your current code."] } });
    // The wrong code was counted against the acting admin's own limit, not rolled back.
    const failures = await read(t.db)
      .select()
      .from(s.secondFactorFailures)
      .where(eq(s.secondFactorFailures.userId, acting.userId));
    expect(failures).toHaveLength(1);
    await resetSecondFactor({ actor: acting, userId: other.userId, actorCode: totpCode(secret, now), now, db: t.db });
    expect(await getSecondFactorStatus({ actor: other, db: t.db })).toEqual({ state: "off" });
  });

  it("the command line resets anyone's, an admin's own included (the way back in)", async () => {
    const admin = await makeActor(t.db, "admin");
    await enrol(admin);
    await resetSecondFactor({ actor: SYSTEM_ACTOR, userId: admin.userId, db: t.db });
    expect(await getSecondFactorStatus({ actor: admin, db: t.db })).toEqual({ state: "off" });
    const [row] = await auditRows("2fa.reset");
    expect(row.actorEmail).toBe(SYSTEM_ACTOR.email);
  });
});

describe("the database", () => {
  it("refuses a secret that is not encrypted", async () => {
    const actor = await makeActor(t.db);
    const refused = await refusalOf(
      withWriteTransaction(t.db, async (tx) => {
        await tx.insert(s.userSecondFactors).values({ userId: actor.userId, secretEncrypted: "JBSWY3DPEHPK3PXP" });
      }),
    );
    expect(refused.kind).toBe("check");
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb, readerOf } from "@/db/client";
import { createUser } from "@/db/queries/users/create-user";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { verifyCredentials } from "@/db/queries/sign-in";
import { createMigratedDb, type TestDb } from "../helpers/db";

/** For each password check: whether a transaction of the app's database was open around it. */
const verified = vi.hoisted(() => ({ insideTransaction: [] as boolean[] }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      const db = getDb();
      verified.insideTransaction.push(readerOf(db) !== db.connections.reader);
      return real.verifyPassword(hash, password);
    },
  };
});

let t: TestDb;
const PASSWORD = "correct-horse-battery";
beforeEach(async () => {
  t = await createMigratedDb();
  process.env.DATABASE_URL = t.file;
  await createUser({
    actor: SYSTEM_ACTOR,
    input: { email: "officer@test.example", name: "Officer", role: "staff", password: PASSWORD },
    db: t.db,
  });
});
afterEach(() => {
  vi.useRealTimers();
  closeDb();
  t.close();
});

describe("verifyCredentials", () => {
  it("gives a wrong password and an unknown email the same answer", async () => {
    const wrong = await verifyCredentials({
      email: "officer@test.example",
      password: "nope-nope-nope",
      ip: "10.0.0.1",
    });
    const unknown = await verifyCredentials({
      email: "nobody@test.example",
      password: "nope-nope-nope",
      ip: "10.0.0.2",
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("accepts the right password, case-insensitively on the email", async () => {
    const result = await verifyCredentials({ email: " Officer@Test.example ", password: PASSWORD, ip: null });
    expect(result.ok).toBe(true);
  });
  it("verifies the password outside any transaction: argon2 never holds the write lock", async () => {
    verified.insideTransaction = [];
    await verifyCredentials({ email: "officer@test.example", password: PASSWORD, ip: "10.0.0.3" });
    await verifyCredentials({ email: "nobody@test.example", password: PASSWORD, ip: "10.0.0.3" });
    expect(verified.insideTransaction).toEqual([false, false]);
  });
  // The throttle's rules are tested in sign-in-throttle.test.ts.
});

describe("safeCallbackPath", () => {
  it.each([
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/%5Cevil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/sign-in?callbackUrl=/x", "/"],
    ["/admin/users?x=1#top", "/admin/users?x=1#top"],
    [undefined, "/"],
  ])("%s lands on %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });
});

import "../helpers/use-postgres-engine";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, openDatabase, readerOf, type Database } from "@/db/client";
import * as s from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/setup/demo-users";
import { prepareDatabase } from "@/db/setup/prepare-database";
import { AuthSecretRequiredError, ensureAuthSecret } from "@/lib/auth/secret";
import { TwoFactorKeyRequiredError, twoFactorKey } from "@/lib/auth/two-factor-key";
import { startTestCluster, type TestCluster } from "../helpers/pg-cluster";

// Several app instances on one PostgreSQL database (issue 17): the first start's set-up —
// migrations, seed, demo accounts — runs once however many start together, and every instance
// must sign sessions with the same AUTH_SECRET.

let cluster: TestCluster | undefined;
let unavailable: unknown;
const opened: Database[] = [];

beforeAll(() => {
  try {
    cluster = startTestCluster(); // an empty database: nothing migrated yet
  } catch (error) {
    unavailable = error;
  }
}, 120_000);
afterAll(async () => {
  for (const db of opened) {
    closeDatabase(db);
    if (db.connections.engine === "postgres") await db.connections.ended;
  }
  cluster?.stop();
});

function open(): Database {
  if (!cluster) throw unavailable;
  const db = openDatabase(cluster.url);
  opened.push(db);
  return db;
}

const rowCount = async (db: Database, table: typeof s.users | typeof s.facts) =>
  (await readerOf(db).select({ n: count() }).from(table))[0].n;

describe("two instances starting at once on an empty PostgreSQL database", () => {
  it("migrate, seed and create the demo accounts once, under the advisory lock", async () => {
    vi.stubEnv("CHANCERY_DEMO_USERS", undefined);
    const [a, b] = [open(), open()];
    const results = await Promise.all([
      prepareDatabase({ db: a, demoUsers: true }),
      prepareDatabase({ db: b, demoUsers: true }),
    ]);
    const seededFacts = results.map((r) => r.report?.inserted.facts ?? 0).sort((x, y) => x - y);
    expect(seededFacts[0]).toBe(0);
    expect(seededFacts[1]).toBeGreaterThan(50);
    expect(results.filter((r) => r.demo !== null)).toHaveLength(1);
    expect(await rowCount(a, s.users)).toBe(DEMO_ACCOUNTS.length);
    expect(await rowCount(b, s.facts)).toBe(seededFacts[1]);
    // A later start finds nothing to do.
    const again = await prepareDatabase({ db: open(), demoUsers: true });
    expect(Object.values(again.report?.inserted ?? {}).every((n) => n === 0)).toBe(true);
    expect(again.demo).toBeNull();
  });
});

describe("AUTH_SECRET with a PostgreSQL DATABASE_URL", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-secret-"));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is required: without it start-up fails saying why, and no secret file is written", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://app:pw@db.internal/chancery");
    vi.stubEnv("AUTH_SECRET", undefined);
    expect(() => ensureAuthSecret(dir)).toThrow(AuthSecretRequiredError);
    expect(() => ensureAuthSecret(dir)).toThrow(/AUTH_SECRET must be set when DATABASE_URL is a PostgreSQL URL/);
    expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(false);
  });

  it("is used when set", () => {
    vi.stubEnv("DATABASE_URL", "postgres://app@db.internal/chancery");
    vi.stubEnv("AUTH_SECRET", "shared-by-every-instance");
    expect(ensureAuthSecret(dir)).toBe("shared-by-every-instance");
  });

  it("is still generated into the data directory for a SQLite file", () => {
    vi.stubEnv("DATABASE_URL", path.join(dir, "chancery.db"));
    vi.stubEnv("AUTH_SECRET", undefined);
    expect(ensureAuthSecret(dir)).toMatch(/^[\w-]{40,}$/);
    expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(true);
  });
});

describe("CHANCERY_2FA_KEY with a PostgreSQL DATABASE_URL", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-2fa-key-"));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is required: without it start-up fails saying why, and no key file is written", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://app:pw@db.internal/chancery");
    vi.stubEnv("CHANCERY_2FA_KEY", undefined);
    expect(() => twoFactorKey(dir)).toThrow(TwoFactorKeyRequiredError);
    expect(() => twoFactorKey(dir)).toThrow(/CHANCERY_2FA_KEY must be set when DATABASE_URL is a PostgreSQL URL/);
    expect(fs.existsSync(path.join(dir, "two-factor-key"))).toBe(false);
  });

  it("is used when set", () => {
    vi.stubEnv("DATABASE_URL", "postgres://app@db.internal/chancery");
    vi.stubEnv("CHANCERY_2FA_KEY", "22".repeat(32));
    expect(twoFactorKey(dir)).toEqual(Buffer.alloc(32, 0x22));
  });

  it("is still generated into the data directory for a SQLite file", () => {
    vi.stubEnv("DATABASE_URL", path.join(dir, "chancery.db"));
    vi.stubEnv("CHANCERY_2FA_KEY", undefined);
    expect(twoFactorKey(dir)).toHaveLength(32);
    expect(fs.existsSync(path.join(dir, "two-factor-key"))).toBe(true);
  });
});

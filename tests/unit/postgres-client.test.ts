import "../helpers/use-postgres-engine";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { readerOf, selectRows, withReadTransaction, withWriteTransaction, type Database, type Tx } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { recordAudit } from "@/db/queries/_record-audit";
import * as s from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { appPgDbForFile } from "../helpers/pg-app-db";
import { sqlWrite } from "../helpers/db";

// db/client.ts on PostgreSQL (issue 17): the same guarantees as tests/unit/transactions.test.ts
// gives SQLite's, and what SERIALIZABLE adds — a transaction that lost a race runs again.

const pg = appPgDbForFile();
const entry = (action: string) => ({ actor: null, action, entity: "test" });
const actions = async (db: Database) =>
  (await readerOf(db).select({ action: s.auditLog.action }).from(s.auditLog)).map((r) => r.action).sort();
const writeRow = (db: Database, action: string) => withWriteTransaction(db, (tx) => recordAudit(tx, entry(action)));
/** Raises a serialization failure (SQLSTATE 40001) inside the transaction. */
const serializationFailure = (tx: Tx) =>
  selectRows(tx, sql.raw(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$`));

beforeEach(() => sqlWrite(pg.db(), sql`DELETE FROM audit_log`));

describe("PostgreSQL through db/client.ts", () => {
  it("runs on PostgreSQL's tables and connection", () => {
    expect(ENGINE).toBe("postgres");
    expect(pg.db().engine).toBe("postgres");
  });

  it("commits a write, rolls back a failed one, and keeps another request's commit", async () => {
    const db = pg.db();
    const failing = withWriteTransaction(db, async (tx) => {
      await recordAudit(tx, entry("A"));
      await sleep(50);
      throw new Error("A fails");
    }).catch((e: unknown) => e);
    await sleep(10);
    const seen = await actions(db); // a plain read meanwhile: A's row is not committed
    await writeRow(db, "B");
    expect(String(await failing)).toMatch("A fails");
    expect(seen).toEqual([]);
    expect(await actions(db)).toEqual(["B"]);
  });

  it("joins nested writes under savepoints: a nested throw undoes only its part", async () => {
    const db = pg.db();
    await withWriteTransaction(db, async (tx) => {
      await recordAudit(tx, entry("outer"));
      await expect(
        withWriteTransaction(db, async (inner) => {
          await recordAudit(inner, entry("nested"));
          expect(await actions(db)).toEqual(["nested", "outer"]); // joined: sees its own rows
          throw new Error("nested fails");
        }),
      ).rejects.toThrow("nested fails");
      await writeRow(db, "second nested");
    });
    expect(await actions(db)).toEqual(["outer", "second nested"]);
  });

  it("refuses a write outside a transaction (read-only reader) and inside a read transaction", async () => {
    const db = pg.db();
    const stray = await readerOf(db)
      .insert(s.auditLog)
      .values(entry("stray"))
      .catch((e: unknown) => e);
    expect(String((stray as Error).cause)).toMatch(/read-only transaction/);
    await expect(withReadTransaction(db, () => writeRow(db, "x"))).rejects.toThrow(/read transaction/);
    expect(await actions(db)).toEqual([]);
  });

  it("reads one snapshot in a read transaction while others commit, and joins an open write", async () => {
    const db = pg.db();
    await writeRow(db, "before");
    // Another request's write, started from outside once the first read is done.
    let firstReadDone!: () => void;
    const during = new Promise<void>((resolve) => (firstReadDone = resolve)).then(() => writeRow(db, "during"));
    const [first, second] = await withReadTransaction(db, async (tx) => {
      const one = await tx.select().from(s.auditLog);
      firstReadDone();
      await during;
      const two = await tx.select().from(s.auditLog);
      return [one.length, two.length];
    });
    expect([first, second]).toEqual([1, 1]);
    await withWriteTransaction(db, async (tx) => {
      await recordAudit(tx, entry("mine"));
      const rows = await withReadTransaction(db, (r) =>
        r.select().from(s.auditLog).where(eq(s.auditLog.action, "mine")),
      );
      expect(rows).toHaveLength(1);
    });
  });

  it("runs again, whole, a write transaction that lost a serialization race (read-then-write)", async () => {
    const db = pg.db();
    // Two requests each insert "only" when no row is there yet: under SQLite's single writer
    // one sees the other's row. Here both read before either writes; SERIALIZABLE fails one at
    // commit, and the retry sees the committed row.
    let bothRead!: () => void;
    let reads = 0;
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    const runs: string[] = [];
    const insertIfNone = (who: string) =>
      withWriteTransaction(db, async (tx) => {
        runs.push(who);
        const existing = await tx.select().from(s.auditLog).where(eq(s.auditLog.action, "only"));
        if (++reads === 2) bothRead();
        await Promise.race([barrier, sleep(2000)]);
        if (existing.length === 0) await recordAudit(tx, entry("only"));
        return existing.length === 0 ? "inserted" : "found";
      });
    const results = await Promise.all([insertIfNone("a"), insertIfNone("b")]);
    expect(results.sort()).toEqual(["found", "inserted"]);
    expect(await actions(db)).toEqual(["only"]);
    expect(runs.length).toBe(3); // one of the two ran twice
  });

  it("retries a serialization failure a nested call caught, and answers 503 when it never stops", async () => {
    const db = pg.db();
    let runs = 0;
    await withWriteTransaction(db, async (tx) => {
      runs++;
      await recordAudit(tx, entry(`run ${runs}`));
      if (runs === 1) {
        await withWriteTransaction(db, serializationFailure).catch(() => "swallowed by the caller");
      }
    });
    expect(runs).toBe(2);
    expect(await actions(db)).toEqual(["run 2"]);

    let attempts = 0;
    const error = await withWriteTransaction(db, async (tx) => {
      attempts++;
      await serializationFailure(tx);
    }).catch((e: unknown) => e);
    expect(attempts).toBe(5);
    expect(isAppError(error) && error.status).toBe(503);
  });

  it("makes writers naming a common key (serializeOn) take turns, so a hot spot needs no retries", async () => {
    const db = pg.db();
    // 30 requests at once each count the rows so far, then add one: a throttle's pattern. As
    // plain SERIALIZABLE transactions all but one fail each round; naming the key queues them.
    let runs = 0;
    const countThenAdd = (i: number) =>
      withWriteTransaction(
        db,
        async (tx) => {
          runs++;
          const before = await tx.select().from(s.auditLog).where(eq(s.auditLog.entity, "hot"));
          await sleep(1);
          await recordAudit(tx, { actor: null, action: `seen ${before.length}`, entity: "hot", entityId: String(i) });
          return before.length;
        },
        { serializeOn: ["sign-in:officer@x.example", "ip:10.0.0.1"] },
      );
    const seen = await Promise.all(Array.from({ length: 30 }, (_, i) => countThenAdd(i)));
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(runs).toBe(30);
  });

  it("answers 503 with Retry-After when no pooled connection frees up in time", async () => {
    const impatient = pg.open({ writeLockTimeoutMs: 100 });
    const holders = Array.from({ length: 10 }, () => withWriteTransaction(impatient, () => sleep(500)));
    await sleep(50);
    const error = await withWriteTransaction(impatient, async () => "never").catch((e: unknown) => e);
    expect(isAppError(error) && error.status).toBe(503);
    expect(isAppError(error) && error.retryAfterSeconds).toBeGreaterThan(0);
    await Promise.all(holders);
  });

  it("returns count(*) and other int8 values as numbers, as SQLite does", async () => {
    const db = pg.db();
    await writeRow(db, "one");
    const [row] = await selectRows<{ n: unknown; at: unknown }>(
      readerOf(db),
      sql`SELECT count(*) AS n, 1733000000000::bigint AS at`,
    );
    expect(row).toEqual({ n: 1, at: 1733000000000 });
    const [big] = await selectRows<{ v: unknown }>(readerOf(db), sql`SELECT 9007199254740993::bigint AS v`);
    expect(big.v).toBe("9007199254740993"); // beyond 2^53: kept exact, as text
  });
});

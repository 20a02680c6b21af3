import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import {
  closeDatabase,
  openDatabase,
  readerOf,
  withReadTransaction,
  withWriteTransaction,
  type Database,
} from "@/db/client";
import { recordAudit } from "@/db/queries/_record-audit";
import { ENGINE } from "@/db/engine";
import * as s from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { createMigratedDb, read, type TestDb } from "../helpers/db";

// These tests fail on a naive async wrapper around one shared connection (BEGIN, await the
// callback, COMMIT): there, another request's statements land inside the open transaction,
// are rolled back with it, and can read its uncommitted rows. They run on the engine under
// test; where the engines differ by design (SQLite's one writer, PostgreSQL's pool of
// serializable writers) each has its own variant.

let t: TestDb;
afterEach(() => t?.close());

const entry = (action: string) => ({ actor: null, action, entity: "test" });
const actions = async (db: Database) =>
  (await read(db).select({ action: s.auditLog.action }).from(s.auditLog)).map((r) => r.action).sort();
/** Inserts one audit row through the data layer's own helper, in its own write transaction. */
const writeRow = (db: Database, action: string) => withWriteTransaction(db, (tx) => recordAudit(tx, entry(action)));

describe("write transactions", () => {
  it("keep another request's commit when one rolls back after awaiting, and never show its rows", async () => {
    t = await createMigratedDb();
    let bDone = false;
    const seenByReaders: string[][] = [];
    const a = withWriteTransaction(t.db, async (tx) => {
      await recordAudit(tx, entry("A"));
      // A waits on something real; B and a reader run meanwhile.
      await sleep(80);
      throw new Error("A fails");
    });
    await sleep(10); // A holds the transaction now
    const b = writeRow(t.db, "B").then(() => (bDone = true));
    for (let i = 0; i < 5; i++) {
      seenByReaders.push(await actions(t.db));
      await sleep(10);
    }
    await expect(a).rejects.toThrow("A fails");
    await b;
    expect(bDone).toBe(true);
    expect(await actions(t.db)).toEqual(["B"]);
    for (const seen of seenByReaders) expect(seen).not.toContain("A");
  });

  it.runIf(ENGINE === "sqlite")("run one at a time: the second starts after the first commits", async () => {
    t = await createMigratedDb();
    const order: string[] = [];
    const first = withWriteTransaction(t.db, async (tx) => {
      order.push("first begins");
      await recordAudit(tx, entry("first"));
      await sleep(30);
      order.push("first ends");
    });
    const second = withWriteTransaction(t.db, async (tx) => {
      order.push("second begins");
      await recordAudit(tx, entry("second"));
    });
    await Promise.all([first, second]);
    expect(order).toEqual(["first begins", "first ends", "second begins"]);
    expect(await actions(t.db)).toEqual(["first", "second"]);
  });

  it.runIf(ENGINE === "postgres")("run side by side on PostgreSQL, each committed whole", async () => {
    t = await createMigratedDb();
    const order: string[] = [];
    const first = withWriteTransaction(t.db, async (tx) => {
      order.push("first begins");
      await recordAudit(tx, entry("first"));
      await sleep(30);
      order.push("first ends");
    });
    await sleep(10);
    const second = withWriteTransaction(t.db, async (tx) => {
      order.push("second begins");
      await recordAudit(tx, entry("second"));
    });
    await Promise.all([first, second]);
    expect(order).toEqual(["first begins", "second begins", "first ends"]);
    expect(await actions(t.db)).toEqual(["first", "second"]);
  });

  it("join a nested call, which sees the outer rows and rolls back with it", async () => {
    t = await createMigratedDb();
    const failed = withWriteTransaction(t.db, async (tx) => {
      await recordAudit(tx, entry("outer"));
      // A data function called inside: it must join, not wait on the lock (deadlock).
      await writeRow(t.db, "nested");
      // Reads inside the transaction see its own rows.
      expect(await actions(t.db)).toEqual(["nested", "outer"]);
      throw new Error("outer fails");
    });
    await expect(failed).rejects.toThrow("outer fails");
    expect(await actions(t.db)).toEqual([]);
  });

  it("undo only a nested call that throws, when the outer one carries on", async () => {
    t = await createMigratedDb();
    await withWriteTransaction(t.db, async (tx) => {
      await recordAudit(tx, entry("outer"));
      await expect(
        withWriteTransaction(t.db, async (inner) => {
          await recordAudit(inner, entry("nested"));
          throw new Error("nested fails");
        }),
      ).rejects.toThrow("nested fails");
    });
    expect(await actions(t.db)).toEqual(["outer"]);
  });

  it("answer 503 with Retry-After when the write lock (PostgreSQL: every pooled connection) is held too long", async () => {
    t = await createMigratedDb();
    const impatient = openDatabase(t.file, { writeLockTimeoutMs: 50 });
    try {
      // SQLite has one writer; a PostgreSQL instance a pool of 10 (db/client-postgres.ts).
      const writers = ENGINE === "postgres" ? 10 : 1;
      // The pool's connections opened first: opening one counts against the same 50 ms, which
      // a loaded machine can take, failing a holder instead of the one that waits.
      for (let attempt = 1; ENGINE === "postgres" && attempt <= 10; attempt++) {
        const opened = await Promise.allSettled(
          Array.from({ length: writers }, () => withWriteTransaction(impatient, () => sleep(20))),
        );
        if (opened.every((r) => r.status === "fulfilled")) break;
      }
      const holders = Array.from({ length: writers }, () => withWriteTransaction(impatient, () => sleep(300)));
      await sleep(20);
      const error = await withWriteTransaction(impatient, async () => "never").catch((e: unknown) => e);
      expect(isAppError(error) && error.status).toBe(503);
      expect(isAppError(error) && error.retryAfterSeconds).toBeGreaterThan(0);
      await Promise.all(holders);
    } finally {
      closeDatabase(impatient);
    }
  });

  it("are the only way to write: the reader refuses a write", async () => {
    t = await createMigratedDb();
    const error = await readerOf(t.db)
      .insert(s.auditLog)
      .values(entry("stray"))
      .catch((e: unknown) => e);
    // PostgreSQL's message is the cause of drizzle's "Failed query" error.
    expect(`${String(error)} ${String((error as Error).cause)}`).toMatch(/readonly|read-only/i);
    expect(await actions(t.db)).toEqual([]);
  });
});

describe("read transactions", () => {
  it("read one snapshot while others commit", async () => {
    t = await createMigratedDb();
    await writeRow(t.db, "before");
    // The write is started outside the read transaction (its own request), once the first read is done.
    let firstReadDone!: () => void;
    const during = new Promise<void>((resolve) => (firstReadDone = resolve)).then(() => writeRow(t.db, "during"));
    const [first, second] = await withReadTransaction(t.db, async (tx) => {
      const one = await tx.select().from(s.auditLog);
      firstReadDone();
      await during; // committed on the writer meanwhile
      const two = await tx.select().from(s.auditLog);
      return [one.length, two.length];
    });
    expect([first, second]).toEqual([1, 1]);
    expect(await actions(t.db)).toEqual(["before", "during"]);
  });

  it("refuse a write inside them", async () => {
    t = await createMigratedDb();
    await expect(withReadTransaction(t.db, () => writeRow(t.db, "x"))).rejects.toThrow(/read transaction/);
  });

  it("inside a write transaction, join it and see its rows", async () => {
    t = await createMigratedDb();
    await withWriteTransaction(t.db, async (tx) => {
      await recordAudit(tx, entry("mine"));
      const rows = await withReadTransaction(t.db, (r) =>
        r.select().from(s.auditLog).where(eq(s.auditLog.action, "mine")),
      );
      expect(rows).toHaveLength(1);
    });
  });
});

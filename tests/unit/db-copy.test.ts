import "../helpers/use-sqlite-engine";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { eq, getTableName, is, max, sql } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, openDatabase, withWriteTransaction, type Database } from "@/db/client";
import { copyDatabase, TargetNotEmptyError, verifyCopy } from "@/db/copy/copy-database";
import { canonicalJson, type TableCheck } from "@/db/copy/table-hashes";
import { copiedTables } from "@/db/copy/tables";
import { ENGINE } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { addComment } from "@/db/queries/comments/add-comment";
import { listFacts } from "@/db/queries/facts/list-facts";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { verifyCredentials, verifySecondFactor } from "@/db/queries/sign-in";
import { rememberDevice } from "@/db/queries/sign-in-limits";
import { shareBriefing } from "@/db/queries/sharing/share-briefing";
import { confirmSecondFactor } from "@/db/queries/two-factor/confirm-second-factor";
import { getSecondFactorStatus } from "@/db/queries/two-factor/get-second-factor-status";
import { startSecondFactorSetup } from "@/db/queries/two-factor/start-second-factor-setup";
import * as s from "@/db/schema";
import * as pgSchema from "@/db/schema-pg";
import type { Actor } from "@/lib/auth/actor";
import { totpCode } from "@/lib/auth/two-factor";
import { parseSearch } from "@/lib/search/fts";
import { tsSearch } from "@/lib/search/tsquery";
import { factFiltersSchema } from "@/lib/validation/fact-filters";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, sqlRows, type TestDb } from "../helpers/db";
import { startTestCluster, type TestCluster } from "../helpers/pg-cluster";
import { adminQuery, databaseUrl } from "../helpers/pg-databases";
import { draftFor, saveAs } from "../helpers/workflow";

// npm run db:copy (issue 17): a live SQLite base — the seed plus users, briefings, shares,
// comments with replies, a clearance request, second factors, sign-in failures, a trusted
// device, made by the real data layer — copied to a throwaway PostgreSQL cluster and back.
// The data layer runs on SQLite in every run (../helpers/use-sqlite-engine: the briefing
// proposal it needs is SQLite-only for now); the PostgreSQL end is this file's own cluster,
// read through db/schema-pg, so the file runs, and passes, in `npm run test:pg` as well.

const KEY_HEX = "22".repeat(32);
const NOW = Math.floor(Date.now() / 30_000) * 30_000;
const SMALL_BATCH = 7; // many batches per table: keyset paging across composite keys

let cluster: TestCluster | undefined;
let unavailable: unknown;
let source: TestDb;
let tmp: string;
let databases = 0;

/** A new empty database on the file's cluster. */
async function newPgDatabase(): Promise<string> {
  const name = `copy_${++databases}`;
  await adminQuery(`CREATE DATABASE ${name}`, cluster!.url);
  return databaseUrl(cluster!.url, name);
}

const pools: pg.Pool[] = [];
function pgDb(url: string): NodePgDatabase<typeof pgSchema> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(pool);
  return drizzle(pool, { schema: pgSchema });
}

async function buildSource(db: Database): Promise<void> {
  const owner = await makeActor(db, "staff", { name: "Olga Owner" });
  const editor = await makeActor(db, "staff", { name: "Edith Editor" });
  const clearer = await makeActor(db, "staff", { clearer: true, name: "Hana Head" });
  const briefingId = await draftFor(db, owner);
  await draftFor(db, editor, ["security"]);
  await shareBriefing({ actor: owner, briefingId, userId: editor.userId, access: "edit", db });
  await saveAs(db, owner, briefingId, { purpose: "Prepare the visit — «ключевые» points" });
  const view = await getBriefingView({ actor: owner, briefingId, db });
  const factId = view.sections[0].items[0].factId;
  const first = await addComment({ actor: editor, briefingId, body: "Is this current?", factId, db });
  const reply = await addComment({ actor: owner, briefingId, body: "Yes, checked.", parentId: first, db });
  await addComment({ actor: editor, briefingId, body: "Thanks.", parentId: reply, db });
  await addComment({ actor: editor, briefingId, body: "Overall fine.", db });
  // Comment ids are random: here a reply whose id sorts before its parent's, which a copy in
  // primary-key order would insert first (a foreign-key failure).
  await withWriteTransaction(db, async (tx) => {
    const comment = { briefingId, revision: 1, authorId: owner.userId, createdAt: new Date(NOW).toISOString() };
    await tx.insert(s.briefingComments).values({ ...comment, id: "zz-parent", body: "Which year?" });
    await tx.insert(s.briefingComments).values({ ...comment, id: "aa-reply", body: "2024.", parentId: "zz-parent" });
  });
  await submitForClearance({ actor: owner, briefingId, clearerIds: [clearer.userId], db });
  await enrolSecondFactor(db, owner);
  // A wrong password and a wrong code: the throttles' rows; a remembered device.
  await verifyCredentials({ email: editor.email, password: "wrong password", ip: "10.0.0.9", now: NOW, db });
  const [{ sessionVersion }] = await read(db)
    .select({ sessionVersion: s.users.sessionVersion })
    .from(s.users)
    .where(eq(s.users.id, owner.userId));
  await verifySecondFactor({ userId: owner.userId, sessionVersion, code: "000000", ip: "10.0.0.9", now: NOW, db });
  await rememberDevice({ token: null, account: owner.email, now: NOW, maxAgeDays: 30, db });
}

async function enrolSecondFactor(db: Database, actor: Actor): Promise<void> {
  await startSecondFactorSetup({ actor, db });
  const status = await getSecondFactorStatus({ actor, db });
  if (status.state !== "setting-up") throw new Error(`expected a set-up, got ${status.state}`);
  await confirmSecondFactor({ actor, code: totpCode(status.secret, NOW), now: NOW, db });
}

beforeAll(async () => {
  vi.stubEnv("CHANCERY_2FA_KEY", KEY_HEX);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-copy-"));
  source = await createSeededDb();
  await buildSource(source.db);
  try {
    cluster = startTestCluster();
  } catch (error) {
    unavailable = error;
  }
}, 120_000);
beforeEach(() => {
  if (unavailable) throw unavailable;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all(pools.map((p) => p.end()));
  source?.close();
  cluster?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const rowsOf = (checks: TableCheck[]) => Object.fromEntries(checks.map((c) => [c.name, c.target.rows]));
const mismatched = (checks: TableCheck[]) => checks.filter((c) => !c.ok).map((c) => c.name);

describe("db:copy", () => {
  it("runs the data layer on SQLite, and copies every schema table after the tables it references", () => {
    expect(ENGINE).toBe("sqlite");
    const order = copiedTables().map((t) => t.name);
    expect(order).toHaveLength(Object.values(s).filter((v) => is(v, SQLiteTable)).length);
    for (const table of copiedTables())
      for (const fk of getTableConfig(table.sqlite).foreignKeys) {
        const parent = getTableName(fk.reference().foreignTable);
        if (parent !== table.name)
          expect(order.indexOf(parent), `${parent} before ${table.name}`).toBeLessThan(order.indexOf(table.name));
      }
  });

  it("copies SQLite to PostgreSQL: every table's count and content hash equal, the derived table rebuilt", async () => {
    const target = await newPgDatabase();
    const report = await copyDatabase({ from: source.file, to: target, batchSize: SMALL_BATCH });
    expect(mismatched(report.checks)).toEqual([]);
    expect(report.ok).toBe(true);
    const rows = rowsOf(report.checks);
    for (const table of [
      "users",
      "briefings",
      "briefing_items",
      "briefing_comments",
      "briefing_shares",
      "clearance_requests",
      "user_second_factors",
      "recovery_codes",
      "login_failures",
      "second_factor_failures",
      "trusted_devices",
      "audit_log",
      "facts",
      "fact_party_topics",
    ])
      expect(rows[table], table).toBeGreaterThan(0);
    expect(report.identities).toContain("facts.seq");
    // Checked again from outside the copy's transaction: what was committed.
    expect(mismatched((await verifyCopy({ from: source.file, to: target })).checks)).toEqual([]);
  });

  it("moves every identity past the highest copied value: new facts, briefings, comments and users insert", async () => {
    const target = await newPgDatabase();
    await copyDatabase({ from: source.file, to: target });
    const db = pgDb(target);
    const one = async <T extends PgTable>(table: T) =>
      (
        await db
          .select()
          .from(table as PgTable)
          .limit(1)
      )[0] as T["$inferSelect"];
    const fact = await one(pgSchema.facts);
    const [maxSeq] = await db.select({ n: max(pgSchema.facts.seq) }).from(pgSchema.facts);
    const [newFact] = await db
      .insert(pgSchema.facts)
      .values({ ...fact, id: "fact-after-copy", seq: undefined })
      .returning({ seq: pgSchema.facts.seq });
    expect(newFact.seq).toBe(maxSeq.n! + 1);
    // The triggers that keep fact_party_topics, off during the copy, are on again.
    const [link] = await db.select().from(pgSchema.factParties).limit(1);
    const [topic] = await db.select().from(pgSchema.factTopics).limit(1);
    await db.insert(pgSchema.factParties).values({ ...link, factId: "fact-after-copy" });
    await db.insert(pgSchema.factTopics).values({ ...topic, factId: "fact-after-copy" });
    const derived = await db.execute(
      sql`SELECT count(*) AS n FROM fact_party_topics WHERE fact_id = 'fact-after-copy'`,
    );
    expect(derived.rows).toEqual([{ n: 1 }]);

    const user = await one(pgSchema.users);
    await db.insert(pgSchema.users).values({ ...user, id: "user-after-copy", email: "after-copy@test.example" });
    const briefing = await one(pgSchema.briefings);
    await db.insert(pgSchema.briefings).values({ ...briefing, id: "briefing-after-copy", ownerId: "user-after-copy" });
    const comment = await one(pgSchema.briefingComments);
    const [maxComment] = await db.select({ n: max(pgSchema.briefingComments.seq) }).from(pgSchema.briefingComments);
    const [newComment] = await db
      .insert(pgSchema.briefingComments)
      .values({
        ...comment,
        id: "comment-after-copy",
        seq: undefined,
        parentId: null,
        briefingId: "briefing-after-copy",
      })
      .returning({ seq: pgSchema.briefingComments.seq });
    expect(newComment.seq).toBe(maxComment.n! + 1);
    const request = await one(pgSchema.clearanceRequests);
    await db
      .insert(pgSchema.clearanceRequests)
      .values({ ...request, id: "request-after-copy", seq: undefined, briefingId: "briefing-after-copy" });
    const audit = await one(pgSchema.auditLog);
    const [maxAudit] = await db.select({ n: max(pgSchema.auditLog.id) }).from(pgSchema.auditLog);
    const [newAudit] = await db
      .insert(pgSchema.auditLog)
      .values({ ...audit, id: undefined })
      .returning({ id: pgSchema.auditLog.id });
    expect(newAudit.id).toBe(maxAudit.n! + 1);
    for (const table of [pgSchema.loginFailures, pgSchema.secondFactorFailures]) {
      const row = await one(table);
      await db.insert(table as PgTable).values({ ...row, id: undefined });
    }
  });

  it("copies PostgreSQL back to SQLite, equal to the original, and search finds the same facts at all three", async () => {
    const target = await newPgDatabase();
    await copyDatabase({ from: source.file, to: target });
    const back = path.join(tmp, "back.db");
    const report = await copyDatabase({ from: target, to: back, batchSize: SMALL_BATCH });
    expect(mismatched(report.checks)).toEqual([]);
    expect(report.identities).toEqual([]);
    expect(mismatched((await verifyCopy({ from: source.file, to: back })).checks)).toEqual([]);

    const admin = await makeActor(source.db, "admin", { clearanceLevel: "SECRET" });
    const backDb = openDatabase(back);
    try {
      const terms = ["ventilator", "Covid-19 pandemic", "Tokayev", "cooperat", "railway", "Токаев"];
      let found = 0;
      for (const q of terms) {
        const original = await sqliteSearch(source.db, admin, q);
        found += original.length;
        expect(await sqliteSearch(backDb, admin, q), q).toEqual(original);
        expect(await pgSearch(target, q), q).toEqual(original);
      }
      expect(found).toBeGreaterThan(0);
    } finally {
      closeDatabase(backDb);
    }
  });

  it("copies SQLite to SQLite one row per batch: a reply whose id sorts first still follows its parent", async () => {
    const report = await copyDatabase({ from: source.file, to: path.join(tmp, "one-by-one.db"), batchSize: 1 });
    expect(mismatched(report.checks)).toEqual([]);
    expect(rowsOf(report.checks).briefing_comments).toBeGreaterThan(5);
  });

  it("refuses a target that holds data, writing nothing, unless --replace; and a missing or unmigrated source", async () => {
    const target = await newPgDatabase();
    await copyDatabase({ from: source.file, to: target });
    const db = pgDb(target);
    await db.delete(pgSchema.factTopics).where(sql`true`);
    const error = await copyDatabase({ from: source.file, to: target }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetNotEmptyError);
    expect((error as Error).message).toMatch(/already holds data \(.*users: \d+,.*\)\. Nothing was copied.*--replace/);
    expect(await db.$count(pgSchema.factTopics)).toBe(0); // left as it was

    const replaced = await copyDatabase({ from: source.file, to: target, replace: true });
    expect(mismatched(replaced.checks)).toEqual([]);

    const sqliteTarget = path.join(tmp, "refused.db");
    await copyDatabase({ from: target, to: sqliteTarget });
    await expect(copyDatabase({ from: source.file, to: sqliteTarget })).rejects.toThrow(TargetNotEmptyError);
    await expect(copyDatabase({ from: source.file, to: source.file })).rejects.toThrow(/same database/);
    await expect(copyDatabase({ from: path.join(tmp, "missing.db"), to: sqliteTarget })).rejects.toThrow(
      /does not exist/,
    );
    const unmigrated = path.join(tmp, "unmigrated.db");
    new BetterSqlite3(unmigrated).close();
    await expect(copyDatabase({ from: unmigrated, to: path.join(tmp, "never.db") })).rejects.toThrow(
      /\d+ migration\(s\) not applied yet: migrate it first/,
    );
    expect(fs.existsSync(path.join(tmp, "never.db"))).toBe(false);
  });

  it("commits nothing when a table does not match after the copy", async () => {
    // A target whose trigger changes what it is given: the copy's own check catches it.
    const file = path.join(tmp, "altering.db");
    const migrated = openDatabase(file);
    await migrateDatabase(migrated);
    closeDatabase(migrated);
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TRIGGER alter_people AFTER INSERT ON people BEGIN
      UPDATE people SET name = name || ' (altered)' WHERE id = new.id; END`);
    raw.close();
    const report = await copyDatabase({ from: source.file, to: file });
    expect(report.ok).toBe(false);
    expect(mismatched(report.checks)).toEqual(["people"]);
    const after = openDatabase(file);
    try {
      const [{ n }] = await sqlRows<{ n: number }>(
        after,
        sql`SELECT (SELECT count(*) FROM facts) + (SELECT count(*) FROM users) + (SELECT count(*) FROM people) AS n`,
      );
      expect(n).toBe(0);
    } finally {
      closeDatabase(after);
    }
  });

  it("reports a changed row as a hash mismatch, table by table", async () => {
    const target = await newPgDatabase();
    await copyDatabase({ from: source.file, to: target });
    const db = pgDb(target);
    await db.execute(sql`UPDATE facts SET text = text || ' (edited)' WHERE seq = 3`);
    await db.execute(sql`UPDATE users SET clearer = NOT clearer WHERE id = (SELECT min(id) FROM users)`);
    const { ok, checks } = await verifyCopy({ from: source.file, to: target });
    expect(ok).toBe(false);
    expect(mismatched(checks)).toEqual(["users", "facts"]);
    const facts = checks.find((c) => c.name === "facts")!;
    expect(facts.source.rows).toBe(facts.target.rows);
  });

  it("runs as npm run db:copy: prints the table, exits 1 on a mismatch or a non-empty target", () => {
    const back = path.join(tmp, "cli.db");
    const copy = dbCopy(["--from", source.file, "--to", back]);
    expect(copy.stderr).toBe("");
    expect(copy.status).toBe(0);
    expect(copy.stdout).toMatch(/^facts\s+\d+\s+\d+\s+[0-9a-f]{12} ok$/m);
    expect(copy.stdout).toMatch(/^fact_party_topics \(derived\)\s+\d+\s+\d+\s+[0-9a-f]{12} ok$/m);
    expect(copy.stdout).toMatch(/every table's count and hash match/);
    expect(copy.stdout).toMatch(/Second factors were copied encrypted.*\n.*CHANCERY_2FA_KEY/);

    const again = dbCopy(["--from", source.file, "--to", back]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds data/);

    const edit = new BetterSqlite3(back);
    edit.exec("UPDATE people SET name = name || '!' WHERE rowid = 1");
    edit.close();
    const verify = dbCopy(["--verify", "--from", source.file, "--to", back]);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toMatch(/^people\s+\d+\s+\d+\s+MISMATCH/m);
    expect(verify.stdout).toMatch(/MISMATCH: the databases differ/);

    expect(dbCopy(["--from", source.file]).status).toBe(2);
  }, 60_000);
});

function dbCopy(args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/run.mjs", "db-copy", ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every fact the admin's fact list finds for `q` (SQLite's FTS5 index), sorted. */
async function sqliteSearch(db: Database, actor: Actor, q: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const list = await listFacts({ actor, filters: factFiltersSchema.parse({ q, page: String(page) }), db });
    ids.push(...list.rows.map((r) => r.id));
    if (page >= list.pageCount) break;
  }
  return ids.sort();
}

/** The facts `q` finds on PostgreSQL's `facts.search` (tests/unit/postgres-search.test.ts's condition), sorted. */
async function pgSearch(url: string, q: string): Promise<string[]> {
  const t = tsSearch(parseSearch(q)!);
  const last = t.lastPrefix
    ? sql`(to_tsquery('chancery_stemmed', ${t.last}) || to_tsquery('chancery_words', ${t.lastPrefix}))`
    : sql`to_tsquery('chancery_stemmed', ${t.last})`;
  const rows = await pgDb(url)
    .select({ id: pgSchema.facts.id })
    .from(pgSchema.facts)
    .where(
      sql`${pgSchema.facts.deletedAt} IS NULL AND search @@ ${t.head ? sql`(to_tsquery('chancery_stemmed', ${t.head}) && ${last})` : last}`,
    );
  return rows.map((r) => r.id).sort();
}

describe("canonical rows", () => {
  it("hash the same whatever the engine's key order or number form", () => {
    expect(canonicalJson({ b: [1, { y: true, x: null }], a: -0 })).toBe('{"a":0,"b":[1,{"x":null,"y":true}]}');
    expect(canonicalJson({ at: 1_700_000_000_000 })).toBe(canonicalJson({ at: 1.7e12 }));
  });
});

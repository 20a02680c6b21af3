import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getTableColumns, getTableName, is, type Table } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ENGINE } from "@/db/engine";
import * as chosen from "@/db/schema";
import * as sqlite from "@/db/schema/sqlite";
import * as pg from "@/db/schema-pg";

// The PostgreSQL schema (db/schema-pg) must be the SQLite one's twin: the same exported names,
// the same row types to read and to write, so the query code typed against one compiles, and
// means the same, against the other (issue 17).

type Sqlite = typeof sqlite;
type Pg = typeof pg;
type TableName = { [K in keyof Sqlite]: Sqlite[K] extends Table ? K : never }[keyof Sqlite];
// Every table at once (a table only in db/schema fails to compile here: Pg[K] does not exist).
// (Not one generic alias: TypeScript then compares the two mapped types less exactly, and fails.)
type SelectedSqlite = { [K in TableName]: Sqlite[K]["$inferSelect"] };
type SelectedPg = { [K in TableName]: Pg[K]["$inferSelect"] };
type InsertedSqlite = { [K in TableName]: Sqlite[K]["$inferInsert"] };
type InsertedPg = { [K in TableName]: Pg[K]["$inferInsert"] };

// Type-level: checked by the compiler (`npx tsc --noEmit`, and by the last test below, which runs it).
expectTypeOf<keyof Pg>().toEqualTypeOf<keyof Sqlite>();
expectTypeOf<SelectedPg>().toEqualTypeOf<SelectedSqlite>();
expectTypeOf<InsertedPg>().toEqualTypeOf<InsertedSqlite>();
// Table by table, so a mismatch names its table.
expectTypeOf<Pg["parties"]["$inferSelect"]>().toEqualTypeOf<Sqlite["parties"]["$inferSelect"]>();
expectTypeOf<Pg["topics"]["$inferSelect"]>().toEqualTypeOf<Sqlite["topics"]["$inferSelect"]>();
expectTypeOf<Pg["sources"]["$inferSelect"]>().toEqualTypeOf<Sqlite["sources"]["$inferSelect"]>();
expectTypeOf<Pg["people"]["$inferSelect"]>().toEqualTypeOf<Sqlite["people"]["$inferSelect"]>();
expectTypeOf<Pg["personRoles"]["$inferSelect"]>().toEqualTypeOf<Sqlite["personRoles"]["$inferSelect"]>();
expectTypeOf<Pg["meetings"]["$inferSelect"]>().toEqualTypeOf<Sqlite["meetings"]["$inferSelect"]>();
expectTypeOf<Pg["meetingSources"]["$inferSelect"]>().toEqualTypeOf<Sqlite["meetingSources"]["$inferSelect"]>();
expectTypeOf<Pg["participations"]["$inferSelect"]>().toEqualTypeOf<Sqlite["participations"]["$inferSelect"]>();
expectTypeOf<Pg["facts"]["$inferSelect"]>().toEqualTypeOf<Sqlite["facts"]["$inferSelect"]>();
expectTypeOf<Pg["facts"]["$inferInsert"]>().toEqualTypeOf<Sqlite["facts"]["$inferInsert"]>();
expectTypeOf<Pg["factParties"]["$inferSelect"]>().toEqualTypeOf<Sqlite["factParties"]["$inferSelect"]>();
expectTypeOf<Pg["factTopics"]["$inferSelect"]>().toEqualTypeOf<Sqlite["factTopics"]["$inferSelect"]>();
expectTypeOf<Pg["users"]["$inferSelect"]>().toEqualTypeOf<Sqlite["users"]["$inferSelect"]>();
expectTypeOf<Pg["users"]["$inferInsert"]>().toEqualTypeOf<Sqlite["users"]["$inferInsert"]>();
expectTypeOf<Pg["briefings"]["$inferSelect"]>().toEqualTypeOf<Sqlite["briefings"]["$inferSelect"]>();
expectTypeOf<Pg["briefings"]["$inferInsert"]>().toEqualTypeOf<Sqlite["briefings"]["$inferInsert"]>();
expectTypeOf<Pg["briefingSections"]["$inferSelect"]>().toEqualTypeOf<Sqlite["briefingSections"]["$inferSelect"]>();
expectTypeOf<Pg["briefingItems"]["$inferSelect"]>().toEqualTypeOf<Sqlite["briefingItems"]["$inferSelect"]>();
expectTypeOf<Pg["auditLog"]["$inferSelect"]>().toEqualTypeOf<Sqlite["auditLog"]["$inferSelect"]>();
expectTypeOf<Pg["auditLog"]["$inferInsert"]>().toEqualTypeOf<Sqlite["auditLog"]["$inferInsert"]>();
expectTypeOf<Pg["loginFailures"]["$inferSelect"]>().toEqualTypeOf<Sqlite["loginFailures"]["$inferSelect"]>();
expectTypeOf<Pg["trustedDevices"]["$inferSelect"]>().toEqualTypeOf<Sqlite["trustedDevices"]["$inferSelect"]>();
expectTypeOf<Pg["briefingShares"]["$inferSelect"]>().toEqualTypeOf<Sqlite["briefingShares"]["$inferSelect"]>();
expectTypeOf<Pg["briefingComments"]["$inferSelect"]>().toEqualTypeOf<Sqlite["briefingComments"]["$inferSelect"]>();
expectTypeOf<Pg["clearanceRequests"]["$inferSelect"]>().toEqualTypeOf<Sqlite["clearanceRequests"]["$inferSelect"]>();
expectTypeOf<Pg["clearanceRequestClearers"]["$inferSelect"]>().toEqualTypeOf<
  Sqlite["clearanceRequestClearers"]["$inferSelect"]
>();
expectTypeOf<Pg["userSecondFactors"]["$inferSelect"]>().toEqualTypeOf<Sqlite["userSecondFactors"]["$inferSelect"]>();
expectTypeOf<Pg["recoveryCodes"]["$inferSelect"]>().toEqualTypeOf<Sqlite["recoveryCodes"]["$inferSelect"]>();
expectTypeOf<Pg["secondFactorFailures"]["$inferSelect"]>().toEqualTypeOf<
  Sqlite["secondFactorFailures"]["$inferSelect"]
>();
// The row types the app names.
expectTypeOf<pg.Fact>().toEqualTypeOf<sqlite.Fact>();
expectTypeOf<pg.NewFact>().toEqualTypeOf<sqlite.NewFact>();
expectTypeOf<pg.User>().toEqualTypeOf<sqlite.User>();
expectTypeOf<pg.Briefing>().toEqualTypeOf<sqlite.Briefing>();
expectTypeOf<pg.BriefingItem>().toEqualTypeOf<sqlite.BriefingItem>();
expectTypeOf<pg.AuditEntry>().toEqualTypeOf<sqlite.AuditEntry>();
expectTypeOf<pg.Party>().toEqualTypeOf<sqlite.Party>();
expectTypeOf<pg.Topic>().toEqualTypeOf<sqlite.Topic>();
expectTypeOf<pg.Person>().toEqualTypeOf<sqlite.Person>();
expectTypeOf<pg.PersonRole>().toEqualTypeOf<sqlite.PersonRole>();
expectTypeOf<pg.Source>().toEqualTypeOf<sqlite.Source>();
expectTypeOf<pg.Meeting>().toEqualTypeOf<sqlite.Meeting>();
expectTypeOf<pg.MeetingSource>().toEqualTypeOf<sqlite.MeetingSource>();
expectTypeOf<pg.Participation>().toEqualTypeOf<sqlite.Participation>();
expectTypeOf<pg.BriefingShare>().toEqualTypeOf<sqlite.BriefingShare>();
expectTypeOf<pg.BriefingComment>().toEqualTypeOf<sqlite.BriefingComment>();
expectTypeOf<pg.ClearanceRequest>().toEqualTypeOf<sqlite.ClearanceRequest>();
expectTypeOf<pg.UserSecondFactor>().toEqualTypeOf<sqlite.UserSecondFactor>();

const sqliteExports = sqlite as Record<string, unknown>;
const pgExports = pg as Record<string, unknown>;

describe("the PostgreSQL schema beside the SQLite one", () => {
  it("exports the same names, each a table in both", () => {
    expect(Object.keys(pgExports).sort()).toEqual(Object.keys(sqliteExports).sort());
    for (const name of Object.keys(sqliteExports)) {
      expect(is(sqliteExports[name], SQLiteTable), name).toBe(true);
      expect(is(pgExports[name], PgTable), name).toBe(true);
    }
  });

  it("are what db/schema exports, every table, for the engine DATABASE_URL chose", () => {
    // db/schema/index.ts lists the tables by name: one added to db/schema/sqlite.ts must be listed there too.
    const chosenExports = chosen as Record<string, unknown>;
    expect(Object.keys(chosenExports).sort()).toEqual(Object.keys(sqliteExports).sort());
    const expected = ENGINE === "postgres" ? pgExports : sqliteExports;
    for (const name of Object.keys(sqliteExports)) expect(chosenExports[name], name).toBe(expected[name]);
  });

  it("names the same SQL tables and columns, with the same nullability", () => {
    for (const name of Object.keys(sqliteExports)) {
      const a = sqliteExports[name] as Table;
      const b = pgExports[name] as Table;
      expect(getTableName(b), name).toBe(getTableName(a));
      const shape = (t: Table) =>
        Object.fromEntries(Object.entries(getTableColumns(t)).map(([key, c]) => [key, [c.name, c.notNull]]));
      const expected = shape(a);
      // seq (facts, clearance requests, comments): nullable in SQLite (a trigger fills it after
      // insert), an identity here, never null.
      if (["facts", "clearanceRequests", "briefingComments"].includes(name)) expected.seq = ["seq", true];
      expect(shape(b), name).toEqual(expected);
    }
  });

  it("has its types checked by the compiler: this file compiles, so the row types match", () => {
    // The expectTypeOf lines above do nothing at run time; CI runs Vitest, not tsc. So compile
    // this file (and what it imports) here, with the project's settings.
    const root = path.resolve(import.meta.dirname, "../..");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-types-"));
    try {
      const config = path.join(dir, "tsconfig.json");
      fs.writeFileSync(
        config,
        JSON.stringify({
          extends: path.join(root, "tsconfig.json"),
          // Type roots are looked up from the config's folder: name the project's.
          compilerOptions: {
            incremental: false,
            noEmit: true,
            plugins: [],
            typeRoots: [path.join(root, "node_modules/@types")],
          },
          files: [fileURLToPath(import.meta.url)],
          include: [],
        }),
      );
      const tsc = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", config], {
        cwd: root,
        encoding: "utf8",
      });
      expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe("");
      expect(tsc.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

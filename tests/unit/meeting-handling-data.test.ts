import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE } from "@/db/engine";
import { seedData } from "@/db/seed/data";
import { meetingFormSchema } from "@/lib/validation/reference-data";
import { createSeededDb, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

/*
 * Handling per meeting (migration 0011, for the counterpart copy): the column, its default and
 * CHECK, the seed's values, the migration's update of an existing database's shipped meetings,
 * and the admin form's field. A real database each, on the run's engine.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createSeededDb();
});
afterAll(() => t.close());

const dataStatements = () =>
  fs
    .readFileSync(path.join("drizzle", "0011_meeting_handling.sql"), "utf8")
    .split("--> statement-breakpoint")
    .filter((q) => /^\s*(--.*\n\s*)*UPDATE/.test(q));

const insertMeeting = (id: string, handling?: string) =>
  sqlWrite(
    t.db,
    handling === undefined
      ? sql`INSERT INTO meetings (id, name, format, status, created_at, updated_at) VALUES (${id}, 'A test meeting', 'visit', 'held', 'now', 'now')`
      : sql`INSERT INTO meetings (id, name, format, status, handling, created_at, updated_at)
            VALUES (${id}, 'A test meeting', 'visit', 'held', ${handling}, 'now', 'now')`,
  );

describe("the meetings' handling column", () => {
  it("gives the shipped meetings releasable, a new one internal, and refuses an unknown value", async () => {
    expect(await sqlRows(t.db, sql`SELECT handling, count(*) AS n FROM meetings GROUP BY handling`)).toEqual([
      { handling: "releasable", n: seedData.meetings.length },
    ]);
    await insertMeeting("mtg-defaults");
    expect(await sqlRows(t.db, sql`SELECT handling FROM meetings WHERE id = 'mtg-defaults'`)).toEqual([
      { handling: "internal" },
    ]);
    await expect(insertMeeting("mtg-unknown", "public")).rejects.toThrow();
  });

  it("is in the admin form's schema, internal when a caller leaves it out", () => {
    const form = {
      name: "A visit",
      format: "visit",
      dateStart: "",
      dateEnd: "",
      datePrecision: "",
      mode: "unknown",
      status: "held",
    };
    expect(meetingFormSchema.parse(form).handling).toBe("internal");
    expect(meetingFormSchema.parse({ ...form, handling: "releasable" }).handling).toBe("releasable");
    expect(meetingFormSchema.safeParse({ ...form, handling: "public" }).success).toBe(false);
  });
});

describe("an existing database gets the shipped meetings' handling from migration 0011", () => {
  // SQLite only: it runs SQLite's migration 0011 (strftime and all) on a database as an older
  // release left it. No PostgreSQL database predates meeting handling: drizzle-pg/0002 added the
  // column before any release, and the seed gives the shipped meetings their values (tested above).
  it.runIf(ENGINE === "sqlite")(
    "sets unedited shipped meetings releasable, bumps their version, and leaves an edited one internal",
    async () => {
      const db2 = await createSeededDb();
      try {
        // As an older database stands after the ALTER: every meeting internal; one edited by an
        // administrator; one of 0005's corrections at version 2; one deleted.
        for (const statement of [
          `UPDATE meetings SET handling = 'internal'`,
          `UPDATE meetings SET version = 2, name = 'Renamed' WHERE id = 'mtg-eu-ca-ministerial-16'`,
          `UPDATE meetings SET version = 2 WHERE id = 'mtg-eu-ca-summit-1'`,
          `UPDATE meetings SET deleted_at = 'now' WHERE id = 'mtg-eu-ca-ministerial-18'`,
        ])
          await sqlWrite(db2.db, sql.raw(statement));
        const statements = dataStatements();
        expect(statements).toHaveLength(1);
        for (const q of statements) await sqlWrite(db2.db, sql.raw(q));
        const meeting = async (id: string) =>
          (await sqlRows(db2.db, sql`SELECT handling, version FROM meetings WHERE id = ${id}`))[0];
        expect(await meeting("mtg-eu-ca-ministerial-20")).toEqual({ handling: "releasable", version: 2 });
        expect(await meeting("mtg-eu-ca-summit-1")).toEqual({ handling: "releasable", version: 3 });
        expect(await meeting("mtg-eu-ca-ministerial-16")).toEqual({ handling: "internal", version: 2 });
        expect(await meeting("mtg-eu-ca-ministerial-18")).toEqual({ handling: "internal", version: 1 });
      } finally {
        db2.close();
      }
    },
  );

  it("names every shipped meeting in its update", () => {
    const text = dataStatements().join("\n");
    for (const m of seedData.meetings) expect(text).toContain(`'${m.id}'`);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchReferenceRecords } from "@/db/queries/reference-data/search-reference-records";
import { searchSources } from "@/db/queries/sources/search-sources";
import { createUser } from "@/db/queries/users/create-user";
import { listUsers } from "@/db/queries/users/list-users";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { listQuerySchema } from "@/lib/validation/list-query";
import { createSeededDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => (t = await createSeededDb()));
afterAll(() => t.close());
const actor = SYSTEM_ACTOR;
const staff = { ...SYSTEM_ACTOR, userId: "someone", role: "staff" as const };

describe("admin lists: filter and pages", () => {
  it("keep a filter that is too long by cutting it, not by dropping it", () => {
    expect(listQuerySchema.parse({ q: `  ${"x".repeat(150)} `, page: "0" })).toEqual({ q: "x".repeat(100), page: 1 });
    expect(listQuerySchema.parse({ q: "   " })).toEqual({ page: 1 });
  });

  it("filter parties by a piece of the id or the name, ignoring case", async () => {
    const result = await searchReferenceRecords({ actor, kind: "party", q: "kazakh", db: t.db });
    expect(result.rows.map((r) => r.id)).toContain("KZ");
    for (const row of result.rows) expect(`${row.id} ${row.name}`.toLowerCase()).toContain("kazakh");
    expect((await searchReferenceRecords({ actor, kind: "party", q: "kz", db: t.db })).rows.map((r) => r.id)).toContain(
      "KZ",
    );
  });

  it("match % and _ literally", async () => {
    expect((await searchReferenceRecords({ actor, kind: "party", db: t.db })).total).toBeGreaterThan(2);
    expect((await searchReferenceRecords({ actor, kind: "party", q: "%", db: t.db })).total).toBe(0);
    expect((await searchReferenceRecords({ actor, kind: "party", q: "_", db: t.db })).total).toBe(0);
  });

  it("page through every row once, and give the last page for a page past the end", async () => {
    const all = await searchReferenceRecords({ actor, kind: "party", pageSize: 1_000, db: t.db });
    const pageCount = Math.ceil(all.total / 2);
    const seen: string[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const result = await searchReferenceRecords({ actor, kind: "party", page, pageSize: 2, db: t.db });
      expect(result).toMatchObject({ page, total: all.total, pageCount });
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(seen).toEqual(all.rows.map((r) => r.id));
    expect((await searchReferenceRecords({ actor, kind: "party", page: 9_999, pageSize: 2, db: t.db })).page).toBe(
      pageCount,
    );
  });

  it("filter sources by a piece of the publisher or title, with their fact counts", async () => {
    expect((await searchSources({ actor, db: t.db })).total).toBe(5);
    const byPublisher = await searchSources({ actor, q: "KAZINF", db: t.db });
    expect(byPublisher.rows.map((r) => r.publisher)).toEqual(["Kazinform", "Kazinform", "Kazinform"]);
    expect(byPublisher.rows.every((r) => r.factCount > 0)).toBe(true);
    expect((await searchSources({ actor, q: "kallas", db: t.db })).rows.map((r) => r.id)).toEqual(["src-004"]);
  });

  it("filter users by email or name, ignoring case in any script, and refuse staff", async () => {
    await createUser({
      actor,
      input: {
        email: "desk.officer@chancery.example",
        name: "Айгерим Desk",
        role: "staff",
        password: "a long enough password",
      },
      db: t.db,
    });
    expect((await listUsers({ actor, q: "DESK.OFF", db: t.db })).rows.map((u) => u.email)).toEqual([
      "desk.officer@chancery.example",
    ]);
    expect((await listUsers({ actor, q: "айгерим", db: t.db })).total).toBe(1);
    expect((await listUsers({ actor, q: "АЙГЕРИМ", db: t.db })).total).toBe(1);
    await expect(listUsers({ actor: staff, db: t.db })).rejects.toThrow(ForbiddenError);
  });
});

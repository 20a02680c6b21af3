import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFactBase, importFactBase } from "@/db/queries/fact-base";
import { getFact, type FactRecord } from "@/db/queries/facts/get-fact";
import { restoreFactVersion } from "@/db/queries/facts/restore-fact-version";
import { updateFact } from "@/db/queries/facts/update-fact";
import { createUser } from "@/db/queries/users/create-user";
import * as s from "@/db/schema";
import { factToFormValues } from "@/lib/admin/fact-form";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { factFormSchema, type FactInput } from "@/lib/validation/fact";
import { createMigratedDb, createSeededDb, read, type TestDb } from "../helpers/db";

/*
 * Handling and marking through the fact form's schema, the data layer (audit snapshot, history
 * restore) and the fact-base file, on a real SQLite file.
 */

let t: TestDb;
let admin: Actor;
beforeAll(async () => {
  t = await createSeededDb();
  const u = await createUser({
    actor: SYSTEM_ACTOR,
    input: {
      email: "admin@handling.example",
      name: "Admin",
      role: "admin",
      clearanceLevel: "SECRET",
      password: "a-long-enough-password",
    },
    db: t.db,
  });
  admin = {
    userId: u.id,
    email: u.email,
    name: u.name,
    role: "admin",
    clearer: false,
    // Marks facts up to SECRET, which an admin may only at their own level.
    clearanceLevel: "SECRET",
    ip: null,
  };
});
afterAll(() => t.close());

const formOf = (f: FactRecord, change: Record<string, string> = {}) => ({ ...factToFormValues(f), ...change });
const inputOf = (f: FactRecord, change: Record<string, string> = {}): FactInput =>
  factFormSchema.parse({ ...formOf(f, change), version: String(f.version) });

describe("the fact form's schema", () => {
  it("reads handling and marking, defaulting a form without them to internal and OFFICIAL", async () => {
    const f = await getFact({ actor: admin, id: "fact-000-01", db: t.db });
    expect(factToFormValues(f)).toMatchObject({ handling: "releasable", marking: "OFFICIAL" });
    expect(inputOf(f, { handling: "not-for-disclosure", marking: "SECRET" })).toMatchObject({
      handling: "not-for-disclosure",
      marking: "SECRET",
    });
    const { handling: _h, marking: _m, ...without } = formOf(f);
    expect(factFormSchema.parse(without)).toMatchObject({ handling: "internal", marking: "OFFICIAL" });
  });

  it("refuses releasable + SECRET at the marking field, saying why, and unknown values", async () => {
    const f = await getFact({ actor: admin, id: "fact-000-01", db: t.db });
    const secret = factFormSchema.safeParse(formOf(f, { marking: "SECRET" }));
    expect(secret.success).toBe(false);
    expect(secret.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["marking", expect.stringMatching(/Releasable material cannot be marked SECRET/)],
    ]);
    const unknown = factFormSchema.safeParse(formOf(f, { handling: "public", marking: "TOP" }));
    expect(unknown.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["handling", "marking"]);
  });
});

describe("saving a fact's handling", () => {
  it("stores it, audits it in the snapshot, and the history restores it", async () => {
    const f = await getFact({ actor: admin, id: "fact-000-04", db: t.db });
    expect(f).toMatchObject({ handling: "releasable", marking: "OFFICIAL" });
    const saved = await updateFact({
      actor: admin,
      id: f.id,
      version: f.version,
      input: inputOf(f, { handling: "internal", marking: "OFFICIAL-SENSITIVE" }),
      db: t.db,
    });
    expect(saved).toMatchObject({ handling: "internal", marking: "OFFICIAL-SENSITIVE" });
    const audits = await read(t.db)
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.entityId, f.id), eq(s.auditLog.action, "fact.updated")));
    expect(audits.at(-1)).toMatchObject({
      before: { handling: "releasable", marking: "OFFICIAL" },
      after: { handling: "internal", marking: "OFFICIAL-SENSITIVE" },
    });
    // A later edit, then the history brings back the version the first edit made.
    const later = await updateFact({
      actor: admin,
      id: f.id,
      version: saved.version,
      input: inputOf(saved, { handling: "not-for-disclosure", marking: "SECRET" }),
      db: t.db,
    });
    expect(later).toMatchObject({ handling: "not-for-disclosure", marking: "SECRET" });
    const restored = await restoreFactVersion({
      actor: admin,
      id: f.id,
      version: later.version,
      auditId: audits.at(-1)!.id,
      db: t.db,
    });
    expect(restored).toMatchObject({ handling: "internal", marking: "OFFICIAL-SENSITIVE" });
  });
});

describe("the fact-base file", () => {
  it("carries handling and marking, and an older file without them imports with the defaults", async () => {
    const doc = await exportFactBase({ actor: SYSTEM_ACTOR, db: t.db });
    expect(doc.facts.find((f) => f.id === "fact-000-01")).toMatchObject({
      handling: "releasable",
      marking: "OFFICIAL",
    });
    const older = JSON.parse(JSON.stringify(doc)) as { facts: Record<string, unknown>[] };
    for (const f of older.facts) {
      delete f.handling;
      delete f.marking;
    }
    const fresh = await createMigratedDb();
    try {
      expect(await importFactBase({ actor: SYSTEM_ACTOR, document: older, db: fresh.db })).toMatchObject({ ok: true });
      const rows = await read(fresh.db).select({ handling: s.facts.handling, marking: s.facts.marking }).from(s.facts);
      expect(new Set(rows.map((r) => `${r.handling} ${r.marking}`))).toEqual(new Set(["internal OFFICIAL"]));
    } finally {
      fresh.close();
    }
  });

  it("refuses a file with a releasable SECRET fact, naming it and saying why", async () => {
    const doc = JSON.parse(JSON.stringify(await exportFactBase({ actor: SYSTEM_ACTOR, db: t.db }))) as {
      facts: Record<string, unknown>[];
    };
    const target = doc.facts.find((f) => f.id === "fact-000-02")!;
    target.marking = "SECRET";
    expect(target.handling).toBe("releasable");
    const report = await importFactBase({ actor: SYSTEM_ACTOR, document: doc, db: t.db });
    expect(report).toMatchObject({ ok: false });
    expect(report.ok ? [] : report.errors).toEqual([
      expect.stringMatching(/^facts\[\d+\] fact-000-02: marking: Releasable material cannot be marked SECRET/),
    ]);
  });
});

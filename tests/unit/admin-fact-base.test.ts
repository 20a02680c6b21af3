import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFactBase, importFactBase } from "@/db/queries/fact-base";
import { ENGINE } from "@/db/engine";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { createMigratedDb, createSeededDb, read, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

const actor = SYSTEM_ACTOR;
let seeded: TestDb;
beforeAll(async () => (seeded = await createSeededDb()));
afterAll(() => seeded.close());

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("fact base export and import", () => {
  it("round trips: export, import into a fresh unseeded database, export again gives the same document", async () => {
    const doc = await exportFactBase({ actor, db: seeded.db });
    expect(doc).toMatchObject({ format: "chancery-fact-base", version: 1 });
    expect(doc.facts.length).toBe(88);
    const audited = await read(seeded.db).select().from(s.auditLog).where(eq(s.auditLog.action, "fact_base.exported"));
    expect(audited.at(-1)).toMatchObject({ entity: "fact_base", detail: { facts: 88 } });
    const fresh = await createMigratedDb();
    try {
      const report = await importFactBase({ actor, document: copy(doc), db: fresh.db });
      expect(report).toMatchObject({ ok: true, counts: { facts: { inserted: 88 } } });
      expect(JSON.stringify(await exportFactBase({ actor, db: fresh.db }))).toBe(JSON.stringify(doc));
      // Importing the same document again changes nothing.
      expect(await importFactBase({ actor, document: copy(doc), db: fresh.db })).toMatchObject({
        ok: true,
        counts: { facts: { inserted: 0, updated: 0, unchanged: 88 } },
      });
      // Full-text search works on imported facts (SQLite: the triggers fired; PostgreSQL: the
      // generated search column).
      const [hits] = await sqlRows<{ n: number }>(
        fresh.db,
        ENGINE === "postgres"
          ? sql`SELECT count(*) AS n FROM facts WHERE search @@ to_tsquery('chancery_stemmed', 'pandemic')`
          : sql`SELECT count(*) AS n FROM facts_fts WHERE facts_fts MATCH '"pandemic"'`,
      );
      expect(hits.n).toBeGreaterThan(0);
    } finally {
      fresh.close();
    }
  });

  it("a file with one bad record changes nothing and names the record", async () => {
    const doc = copy(await exportFactBase({ actor, db: seeded.db }));
    doc.facts[0].text = "Changed text that should not land";
    doc.topics[0].name = "Renamed topic that should not land";
    doc.facts[5].quote = "a quote no source has";
    const before = JSON.stringify(await exportFactBase({ actor, db: seeded.db }));
    const report = await importFactBase({ actor, document: doc, db: seeded.db });
    expect(report.ok).toBe(false);
    expect(!report.ok && report.errors).toEqual([
      `facts[5] ${doc.facts[5].id}: the quote is not in source ${doc.facts[5].sourceId}.`,
    ]);
    expect(JSON.stringify(await exportFactBase({ actor, db: seeded.db }))).toBe(before);
  });

  it("refuses a file that would leave stored records without their quote or pointing at something deleted", async () => {
    const doc = copy(await exportFactBase({ actor, db: seeded.db }));
    const source = doc.sources.find((src) => doc.facts.some((f) => f.sourceId === src.id && f.deletedAt === null))!;
    const quoting = doc.facts.find((f) => f.sourceId === source.id && f.deletedAt === null)!;
    const onlySource = {
      ...doc,
      sources: [
        {
          ...source,
          fullText: source.fullText.replace(quoting.quote, "[removed]"),
          deletedAt: "2026-11-23T00:00:00.000Z",
        },
      ],
      facts: [],
      parties: [],
      topics: [],
      people: [],
      personRoles: [],
      meetings: [],
      participations: [],
    };
    const before = JSON.stringify(await exportFactBase({ actor, db: seeded.db }));
    const report = await importFactBase({ actor, document: onlySource, db: seeded.db });
    const errors = !report.ok ? report.errors.join("\n") : "";
    expect(errors).toContain(`facts ${quoting.id}, in the database: the quote is not in source ${source.id}.`);
    expect(errors).toContain(
      `facts ${quoting.id}, in the database: sourceId "${source.id}" is deleted, but this record is not.`,
    );
    expect(JSON.stringify(await exportFactBase({ actor, db: seeded.db }))).toBe(before);
  });

  it("does not refuse a file for what the database already held and the file does not touch", async () => {
    const fresh = await createSeededDb();
    try {
      const doc = copy(await exportFactBase({ actor, db: fresh.db }));
      // A deleted fact whose passage was later edited out of its source: the app allows it.
      const gone = doc.facts.find((f) => f.deletedAt === null)!;
      await sqlWrite(fresh.db, sql`UPDATE facts SET deleted_at = '2026-11-23T00:00:00.000Z' WHERE id = ${gone.id}`);
      const text = doc.sources.find((src) => src.id === gone.sourceId)!.fullText.replace(gone.quote, "[edited]");
      await sqlWrite(fresh.db, sql`UPDATE sources SET full_text = ${text} WHERE id = ${gone.sourceId}`);
      const onlyParty = {
        ...doc,
        parties: [{ ...doc.parties[0], id: "XX", name: "New party", isoCode: null }],
        facts: [],
        topics: [],
        sources: [],
        people: [],
        personRoles: [],
        meetings: [],
        participations: [],
      };
      expect(await importFactBase({ actor, document: onlyParty, db: fresh.db })).toMatchObject({
        ok: true,
        counts: { parties: { inserted: 1 } },
      });
    } finally {
      fresh.close();
    }
  });

  it("refuses to undo an edit made in the database after the file was exported", async () => {
    const old = copy(await exportFactBase({ actor, db: seeded.db }));
    const newer = copy(old);
    newer.facts[3].text = "Edited in the app meanwhile.";
    expect((await importFactBase({ actor, document: newer, db: seeded.db })).ok).toBe(true);
    old.facts[3].text = "Edited in the old file.";
    const report = await importFactBase({ actor, document: old, db: seeded.db });
    expect(!report.ok && report.errors).toEqual([
      expect.stringMatching(
        new RegExp(`^facts\\[3\\] ${old.facts[3].id}: changed in the database since this file was exported`),
      ),
    ]);
    const [stored] = await read(seeded.db).select().from(s.facts).where(eq(s.facts.id, old.facts[3].id));
    expect(stored!.text).toBe("Edited in the app meanwhile.");
  });

  it("reports shape errors per record (bad date, bidi text, unknown reference) before touching anything", async () => {
    const doc = copy(await exportFactBase({ actor, db: seeded.db })) as unknown as {
      facts: Record<string, unknown>[];
      people: Record<string, unknown>[];
    };
    doc.facts[2].dateStart = "2023-02-29";
    doc.people[0].name = "evil\u202Ename";
    const report = await importFactBase({ actor, document: doc, db: seeded.db });
    expect(!report.ok && report.errors.join("\n")).toMatch(
      /facts\[2\] fact-[\w-]+: dateStart: Not a real calendar day/,
    );
    expect(!report.ok && report.errors.join("\n")).toMatch(/people\[0\] [\w-]+: name: .*bidirectional/);
    expect((await importFactBase({ actor, document: { format: "something-else" }, db: seeded.db })).ok).toBe(false);
  });

  it("merges by id: changed records are updated (version bumped, audited), new ones inserted", async () => {
    const doc = copy(await exportFactBase({ actor, db: seeded.db }));
    const target = doc.facts[1];
    target.text = "An imported wording.";
    doc.topics.push({ ...doc.topics[0], id: "imported-topic", name: "Imported topic" });
    const report = await importFactBase({ actor, document: doc, db: seeded.db });
    expect(report).toMatchObject({ ok: true, counts: { facts: { updated: 1 }, topics: { inserted: 1 } } });
    const [row] = await read(seeded.db).select().from(s.facts).where(eq(s.facts.id, target.id));
    expect(row).toMatchObject({ text: "An imported wording.", version: target.version + 1 });
    const audit = await read(seeded.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, target.id));
    expect(audit.at(-1)).toMatchObject({
      action: "fact.imported",
      after: expect.objectContaining({ text: "An imported wording." }),
    });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource } from "@/db/queries/sources/create-source";
import { deleteSource } from "@/db/queries/sources/delete-source";
import { getSource } from "@/db/queries/sources/get-source";
import { restoreSourceVersion } from "@/db/queries/sources/restore-source-version";
import { updateSource } from "@/db/queries/sources/update-source";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { coverageSegments } from "@/lib/admin/coverage";
import { ValidationError } from "@/lib/errors";
import { sourceFormSchema } from "@/lib/validation/source";
import { createSeededDb, read, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => (t = await createSeededDb()));
afterAll(() => t.close());
const actor = SYSTEM_ACTOR;

const form = (over: Record<string, string> = {}) =>
  sourceFormSchema.parse({
    title: "A title",
    publisher: "Wire",
    publishedStart: "2024-03-01",
    publishedEnd: "2024-03-31",
    publishedPrecision: "month",
    fullText: "First sentence. Second sentence.",
    ...over,
  });

describe("sources", () => {
  it("refuses to delete a source facts still quote, naming them", async () => {
    const src = await getSource({ actor, id: "src-000", db: t.db });
    try {
      await deleteSource({ actor, id: "src-000", version: src.version, db: t.db });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as Error).message).toMatch(/fact fact-000-01/);
    }
    expect((await getSource({ actor, id: "src-000", db: t.db })).deletedAt).toBeNull();
  });

  it("refuses a text edit that drops a quoted passage, at the full-text field", async () => {
    const src = await getSource({ actor, id: "src-001", db: t.db });
    const input = form({ fullText: "Entirely new text." });
    try {
      await updateSource({ actor, id: src.id, version: src.version, input, db: t.db });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).fieldErrors.fullText?.[0]).toMatch(/no longer in the text: fact fact-001-/);
    }
    // Meeting reports and participations quote sources too, not only facts.
    const first = await getSource({ actor, id: "src-000", db: t.db });
    await expect(updateSource({ actor, id: first.id, version: first.version, input, db: t.db })).rejects.toThrow(
      ValidationError,
    );
    try {
      await updateSource({ actor, id: first.id, version: first.version, input, db: t.db });
    } catch (e) {
      expect((e as ValidationError).fieldErrors.fullText?.[0]).toMatch(
        /report of meeting mtg-eu-ca-ministerial-16.*participation prt-m16-/,
      );
    }
  });

  it("creates, updates and deletes an unreferenced source with audit rows", async () => {
    const created = await createSource({ actor, input: form(), db: t.db });
    const updated = await updateSource({
      actor,
      id: created.id,
      version: 1,
      input: form({ title: "Better title" }),
      db: t.db,
    });
    expect(updated.version).toBe(2);
    await expect(updateSource({ actor, id: created.id, version: 1, input: form(), db: t.db })).rejects.toThrow(
      /Someone else/,
    );
    await deleteSource({ actor, id: created.id, version: 2, db: t.db });
    const audit = await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(["source.created", "source.updated", "source.deleted"]);
    expect(audit[1]).toMatchObject({ before: { title: "A title" }, after: { title: "Better title" } });
  });

  it("restores an earlier version as a new audited, version-checked change", async () => {
    const created = await createSource({ actor, input: form({ title: "Original title" }), db: t.db });
    const edited = await updateSource({
      actor,
      id: created.id,
      version: created.version,
      input: form({ title: "Edited title" }),
      db: t.db,
    });
    const createdAudit = (await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, created.id))).find(
      (a) => a.action === "source.created",
    )!;
    await expect(
      restoreSourceVersion({ actor, id: created.id, version: created.version, auditId: createdAudit.id, db: t.db }),
    ).rejects.toThrow(/version/);
    const restored = await restoreSourceVersion({
      actor,
      id: created.id,
      version: edited.version,
      auditId: createdAudit.id,
      db: t.db,
    });
    expect(restored).toMatchObject({ title: "Original title", version: edited.version + 1 });
    const last = (await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, created.id))).at(-1)!;
    expect(last).toMatchObject({
      action: "source.version_restored",
      before: { title: "Edited title" },
      after: { title: "Original title" },
    });
  });

  it("validates: NFC, no control or bidi characters, strict dates, web URLs only", () => {
    expect(form({ fullText: "Cafe\u0301" }).fullText).toBe("Café");
    for (const bad of [
      { fullText: "a\u0000b" },
      { title: "x\u202Ey" },
      { publishedEnd: "2024-02-30" },
      { url: "javascript:alert(1)" },
    ]) {
      expect(
        sourceFormSchema.safeParse({
          title: "T",
          publishedStart: "2024-03-01",
          publishedEnd: "2024-03-31",
          publishedPrecision: "month",
          fullText: "x",
          ...bad,
        }).success,
      ).toBe(false);
    }
  });
});

describe("coverage", () => {
  it("marks every occurrence of every quote and merges overlaps", () => {
    const segs = coverageSegments("abc def abc ghi", ["abc", "c de"]);
    expect(segs.map((s) => [s.text, s.covered])).toEqual([
      ["abc de", true],
      ["f ", false],
      ["abc", true],
      [" ghi", false],
    ]);
    expect(segs.map((s) => s.text).join("")).toBe("abc def abc ghi");
  });
});

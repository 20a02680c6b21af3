import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createReferenceRecord } from "@/db/queries/reference-data/create-reference-record";
import { deleteReferenceRecord } from "@/db/queries/reference-data/delete-reference-record";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { seriousViolations, signedInPage } from "./admin-helpers";
import { e2eDb, read } from "./fixtures";

test("a deleted topic is listed in the trash and restored from it, with an audit row", async ({ browser }) => {
  const id = `topic-trash-${Date.now()}`;
  const created = await createReferenceRecord({
    actor: SYSTEM_ACTOR,
    kind: "topic",
    id,
    values: { name: `Trash test ${id}`, description: "", sortOrder: 99 },
    db: e2eDb(),
  });
  await deleteReferenceRecord({ actor: SYSTEM_ACTOR, kind: "topic", id, version: created.version, db: e2eDb() });
  const { page } = await signedInPage(browser, "admin");
  await page.goto("/admin/trash");
  const row = page.getByTestId("trash-row").filter({ hasText: id });
  await expect(row).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await row.getByRole("button", { name: /Restore/ }).click();
  await expect(page.getByTestId("trash-row").filter({ hasText: id })).toHaveCount(0);
  expect((await read(e2eDb()).select().from(s.topics).where(eq(s.topics.id, id)).limit(1))[0]?.deletedAt).toBeNull();
  // In id order: without ORDER BY, PostgreSQL returns rows in whatever order it finds them.
  const audit = (
    await read(e2eDb()).select().from(s.auditLog).where(eq(s.auditLog.entityId, id)).orderBy(s.auditLog.id)
  ).at(-1);
  expect(audit).toMatchObject({
    action: "topic.undeleted",
    before: expect.objectContaining({ name: `Trash test ${id}` }),
  });
  // Back to the trash, so the extra topic does not show in other tests' topic lists.
  const restored = (await read(e2eDb()).select().from(s.topics).where(eq(s.topics.id, id)).limit(1))[0]!;
  await deleteReferenceRecord({ actor: SYSTEM_ACTOR, kind: "topic", id, version: restored.version, db: e2eDb() });
});

test("the audit log lists changes newest first, filters by kind in the address, and is accessible", async ({
  browser,
}) => {
  const { page, user } = await signedInPage(browser, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Kind of record").selectOption("session");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/entity=session/);
  await expect(
    page.getByTestId("audit-row").filter({ hasText: user.email }).filter({ hasText: "auth.signed_in" }).first(),
  ).toBeVisible();
  for (const row of await page.getByTestId("audit-row").all()) await expect(row).toContainText("session");
});

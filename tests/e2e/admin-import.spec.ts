import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { e2eDb, uniqueAddress, read } from "./fixtures";
import { captureActionPost, cookieHeader, replayAs, seriousViolations, signedInPage } from "./admin-helpers";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

function writeTemp(name: string, value: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chancery-import-")), name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

test("export downloads the fact base; an import with one bad record changes nothing and names it; a good one merges", async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, "admin");
  const response = await page.request.get("/admin/export");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/attachment; filename="chancery-fact-base-/);
  const doc = await response.json();
  expect(doc).toMatchObject({ format: "chancery-fact-base", version: 1 });
  expect(JSON.stringify(doc)).not.toContain("passwordHash");

  await page.goto("/admin/import");
  expect(await seriousViolations(page)).toEqual([]);
  const bad = structuredClone(doc);
  bad.facts[8].text = "Imported text that must not land.";
  bad.facts[9].quote = "no article ever printed this";
  await page.getByLabel("Fact base file (JSON)").setInputFiles(writeTemp("bad.json", bad));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-errors")).toContainText(
    `facts[9] ${bad.facts[9].id}: the quote is not in source`,
  );
  const row = (await read(e2eDb()).select().from(s.facts).where(eq(s.facts.id, bad.facts[8].id)).limit(1))[0]!;
  expect(row.text).not.toBe("Imported text that must not land.");
  expect(await seriousViolations(page)).toEqual([]);

  const good = structuredClone(doc);
  good.topics[0].description = "Imported description.";
  await page.getByLabel("Fact base file (JSON)").setInputFiles(writeTemp("good.json", good));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-counts")).toBeVisible();
  expect(
    (await read(e2eDb()).select().from(s.topics).where(eq(s.topics.id, good.topics[0].id)).limit(1))[0]!.description,
  ).toBe("Imported description.");
});

test("staff get 403 on export, the import page and an import posted directly", async ({ browser }) => {
  const { page: admin } = await signedInPage(browser, "admin");
  const { page: staff } = await signedInPage(browser, "staff");
  expect((await staff.request.get("/admin/export")).status()).toBe(403);
  expect((await staff.goto("/admin/import"))?.status()).toBe(403);
  const doc = await (await admin.request.get("/admin/export")).json();
  doc.topics[1].description = "Set by a staff replay";
  await admin.goto("/admin/import");
  await admin.getByLabel("Fact base file (JSON)").setInputFiles(writeTemp("staff.json", doc));
  const captured = await captureActionPost(admin, "**/admin/import", () =>
    admin.getByRole("button", { name: "Import" }).click(),
  );
  expect(await replayAs(staff, captured, await cookieHeader(staff))).toBe(403);
  expect(
    (await read(e2eDb()).select().from(s.topics).where(eq(s.topics.id, doc.topics[1].id)).limit(1))[0]!.description,
  ).not.toBe("Set by a staff replay");
});

test("HEAD on the export answers its headers only: nothing is exported or audited", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  const exported = async () =>
    (await read(e2eDb()).select().from(s.auditLog).where(eq(s.auditLog.action, "fact_base.exported"))).length;
  const before = await exported();
  const head = await page.request.head("/admin/export");
  expect(head.status()).toBe(200);
  expect(head.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(await exported()).toBe(before);
});

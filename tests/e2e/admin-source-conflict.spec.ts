import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createSource } from "@/db/queries/sources/create-source";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { sourceFormSchema } from "@/lib/validation/source";
import { seriousViolations, signedInPage } from "./admin-helpers";
import { e2eDb, read } from "./fixtures";

test("two admins save the same source: the second sees each newer value, takes one, and both edits survive", async ({
  browser,
}) => {
  const input = sourceFormSchema.parse({
    title: "Conflict article",
    publisher: "Wire",
    dateline: "ASTANA",
    publishedStart: "2024-03-01",
    publishedEnd: "2024-03-31",
    publishedPrecision: "month",
    fullText: "One sentence. Another sentence.",
  });
  const { id } = await createSource({ actor: SYSTEM_ACTOR, input, db: e2eDb() });
  const { page: a } = await signedInPage(browser, "admin");
  const { page: b } = await signedInPage(browser, "admin");
  await a.goto(`/admin/sources/${id}/edit`);
  await b.goto(`/admin/sources/${id}/edit`);
  await a.getByLabel("Title").fill("Title chosen by A");
  await a.getByRole("button", { name: "Save source" }).click();
  await expect(a).toHaveURL(new RegExp(`/admin/sources/${id}\\?done=saved`));

  await b.getByLabel("Dateline").fill("NUR-SULTAN");
  await b.getByRole("button", { name: "Save source" }).click();
  await expect(b.getByTestId("conflict")).toBeVisible();
  await expect(b.getByTestId("saved-title")).toContainText("Title chosen by A");
  await expect(b.getByTestId("saved-dateline")).toContainText("ASTANA");
  await expect(b.getByLabel("Dateline")).toHaveValue("NUR-SULTAN"); // nothing typed is lost
  expect(await seriousViolations(b)).toEqual([]);
  await b.getByRole("button", { name: "Use saved value for Title" }).click();
  await b.getByRole("button", { name: "Save source" }).click();
  await expect(b).toHaveURL(new RegExp(`/admin/sources/${id}\\?done=saved`));

  const row = (await read(e2eDb()).select().from(s.sources).where(eq(s.sources.id, id)).limit(1))[0]!;
  expect(row).toMatchObject({ title: "Title chosen by A", dateline: "NUR-SULTAN", version: 3 });
});

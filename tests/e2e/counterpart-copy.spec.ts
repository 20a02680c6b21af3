import { execFileSync } from "node:child_process";
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import * as s from "@/db/schema";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { actorOf, e2eWrite, makeUser, read, e2eDb, signIn, uniqueAddress } from "./fixtures";

/*
 * The counterpart copy in the browser (issue 16): compose a briefing, write a counterpart title
 * and internal text, download the counterpart copy from the briefing page, and read the file
 * back — its name, the counterpart title in it, none of the internal text — and its audit row.
 */

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

async function composeKazakhstan(page: Page, topics: string[]) {
  await page.goto("/briefings/new");
  await page.getByLabel("Country").selectOption("KZ");
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  for (const t of topics) await page.getByRole("checkbox", { name: t }).check();
  await page.getByRole("button", { name: "Show matching facts" }).click();
  await expect(page.getByRole("heading", { name: /matching facts? about Kazakhstan/ })).toBeVisible();
  await page.getByRole("button", { name: /Create Kazakhstan briefing/ }).click();
  await expect(page).toHaveURL(/\/briefings\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** Every word of the PDF in order, whitespace and hyphens out (the layout may break a word). */
function squeezedText(file: string): string {
  return execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/[\s\u00ad-]+/g, "");
}

test("the owner writes a counterpart title and downloads the counterpart copy: its own name, no internal text, audited", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tag = Math.random().toString(36).slice(2, 10);
  const internal = {
    title: `INTERNALtitle${tag}`,
    purpose: `INTERNALpurpose${tag}`,
    keyMessage: `INTERNALmessage${tag}`,
    background: `INTERNALbackground${tag}`,
  };
  const counterpartTitle = `Kazakhstan and the EU: transport ${tag}`;
  await signIn(page, await makeUser("staff"));
  const id = await composeKazakhstan(page, ["Transport and connectivity"]);

  await page.getByLabel("Title", { exact: true }).fill(internal.title);
  await page.getByLabel("Counterpart title").fill(counterpartTitle);
  await page.getByLabel("Purpose").fill(internal.purpose);
  await page.getByLabel("Key messages").fill(internal.keyMessage);
  await page.getByLabel("Background notes").fill(internal.background);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  await page.reload();
  await expect(page.getByLabel("Counterpart title")).toHaveValue(counterpartTitle);
  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download counterpart copy" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kazakhstan-briefing-\d{4}-\d{2}-\d{2}-counterpart-r1\.pdf$/);
  await expect(page.getByRole("status").filter({ hasText: "Counterpart copy downloaded." })).toBeVisible();
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  const text = squeezedText(file);
  expect(text).toContain(counterpartTitle.replace(/[\s-]+/g, ""));
  expect(text).toContain("RELEASABLETOKAZAKHSTAN");
  for (const secret of Object.values(internal)) expect(text).not.toContain(secret);

  const audit = await read(e2eDb())
    .select()
    .from(s.auditLog)
    .where(and(eq(s.auditLog.action, "briefing.counterpart_downloaded"), eq(s.auditLog.entityId, id)));
  expect(audit).toHaveLength(1);

  // HEAD: the same name, nothing rendered, nothing audited.
  const head = await page.request.head(`/briefings/${id}/pdf/counterpart`);
  expect(head.status()).toBe(200);
  expect(head.headers()["content-disposition"]).toContain("-counterpart-r1.pdf");
  const after = await read(e2eDb())
    .select()
    .from(s.auditLog)
    .where(and(eq(s.auditLog.action, "briefing.counterpart_downloaded"), eq(s.auditLog.entityId, id)));
  expect(after).toHaveLength(1);
});

test("the counterpart copy's route answers 404 for someone else's briefing, as the PDF's does", async ({ page }) => {
  const owner = await makeUser("staff");
  await signIn(page, owner);
  const id = await composeKazakhstan(page, ["Security, extremism and drugs"]);
  await page.context().clearCookies();
  await signIn(page, await makeUser("staff"));
  expect((await page.request.get(`/briefings/${id}/pdf/counterpart`)).status()).toBe(404);
  expect((await page.request.get(`/briefings/${id}/pdf`)).status()).toBe(404);
});

test("the counterpart copy shares the internal PDF's guard: a user's third render at once is refused with Retry-After", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const owner = await makeUser("staff");
  const id = await createBriefing({
    actor: actorOf(owner),
    input: newBriefingSchema.parse({ country: "KZ", topics: [] }),
    db: e2eDb(),
  });
  // Long notes: the internal PDF prints in two parts and takes seconds (see pdf-overload.spec.ts).
  const note = "A long note on this fact, so the internal copy prints many pages. ".repeat(10);
  await e2eWrite((tx) => tx.update(s.briefingItems).set({ note }).where(eq(s.briefingItems.briefingId, id)));
  await signIn(page, owner);
  // Two renders per user (the default): two internal copies and a counterpart copy at once.
  const responses = await Promise.all([
    page.request.get(`/briefings/${id}/pdf`),
    page.request.get(`/briefings/${id}/pdf`),
    page.request.get(`/briefings/${id}/pdf/counterpart`),
  ]);
  expect(responses.map((r) => r.status()).sort()).toEqual([200, 200, 429]);
  const refused = responses.find((r) => r.status() === 429)!;
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await refused.json()).error).toMatch(/PDF/);
});

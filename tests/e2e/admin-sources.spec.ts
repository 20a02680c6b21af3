import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { e2eDb, uniqueAddress, read } from "./fixtures";
import { captureActionPost, cookieHeader, replayAs, seriousViolations, signedInPage } from "./admin-helpers";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

/** Selects `passage` inside the source text as a user dragging over it would. */
async function selectPassage(page: Page, passage: string) {
  await page.evaluate((p) => {
    const article = document.querySelector("[data-testid=source-text]")!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(p);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + p.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`passage not found: ${p}`);
  }, passage);
}

test("workbench: paste an article, select a passage, save a fact with the exact quote, see it covered", async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, "admin");
  const tag = Date.now().toString(36);
  const passage = `the ministers agreed to open a joint water office in Dushanbe (${tag})`;
  const article = `DUSHANBE – Officials met on Monday.\n\nIn a statement, ${passage}, the ministry said. <script>window.__pwned=1</script>\n\nNo date was set for the next round.`;
  await page.goto("/admin/sources/new");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Title", { exact: true }).fill(`Water office ${tag}`);
  await page.getByLabel("Publisher", { exact: true }).fill("Test Wire");
  await page.getByLabel("Earliest day").fill("2025-05-12");
  await page.getByLabel("Latest day").fill("2025-05-12");
  await page.getByLabel("Full text").fill(article);
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByText("Source saved.")).toBeVisible();
  await expect(page.getByTestId("source-text")).toContainText("<script>window.__pwned=1</script>");
  expect(await seriousViolations(page)).toEqual([]);

  await selectPassage(page, passage);
  await expect(page.getByTestId("selected-passage")).toHaveText(passage);
  await page.getByRole("link", { name: "New fact from this passage" }).click();
  await expect(page.getByLabel("Quote (verbatim from the source)")).toHaveValue(passage);
  await page.getByLabel("Kind").selectOption("commitment");
  await page.getByLabel("Text", { exact: true }).fill("The ministers agreed to open a joint water office in Dushanbe.");
  await page.getByLabel("Earliest day").fill("2025-05-12");
  await page.getByLabel("Latest day").fill("2025-05-12");
  await page.getByLabel("Precision").selectOption("day");
  await page.getByRole("checkbox", { name: "Tajikistan" }).check();
  await page.getByRole("checkbox", { name: "Water, climate and environment" }).check();
  await page.getByRole("button", { name: "Save fact" }).click();
  await expect(page.getByText("Fact created.")).toBeVisible();

  const id = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
  const fact = (await read(e2eDb()).select().from(s.facts).where(eq(s.facts.id, id)).limit(1))[0]!;
  expect(fact.quote).toBe(passage);
  const audit = await read(e2eDb()).select().from(s.auditLog).where(eq(s.auditLog.entityId, id));
  expect(audit).toEqual([
    expect.objectContaining({ action: "fact.created", after: expect.objectContaining({ quote: passage }) }),
  ]);
  await page.goto(`/admin/sources/${encodeURIComponent(fact.sourceId)}`);
  await expect(page.getByTestId("source-text").locator("mark")).toHaveText(passage);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("deleting a source facts still quote is refused, listing them", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  await page.goto("/admin/sources/src-000");
  await page.getByRole("button", { name: "Delete source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "cannot be deleted" })).toContainText("fact fact-000-01");
  expect(
    (await read(e2eDb()).select().from(s.sources).where(eq(s.sources.id, "src-000")).limit(1))[0]!.deletedAt,
  ).toBeNull();
});

test("staff get 403 on the source pages and on a source save posted directly", async ({ browser }) => {
  const { page: admin } = await signedInPage(browser, "admin");
  const { page: staff } = await signedInPage(browser, "staff");
  for (const path of [
    "/admin/sources",
    "/admin/sources/new",
    "/admin/sources/src-000",
    "/admin/sources/src-000/edit",
  ]) {
    expect((await staff.goto(path))?.status(), path).toBe(403);
  }
  const title = `Posted by staff ${Date.now()}`;
  await admin.goto("/admin/sources/new");
  await admin.getByLabel("Title", { exact: true }).fill(title);
  await admin.getByLabel("Earliest day").fill("2025-01-01");
  await admin.getByLabel("Latest day").fill("2025-01-01");
  await admin.getByLabel("Full text").fill("Some text.");
  const captured = await captureActionPost(admin, "**/admin/sources/new", () =>
    admin.getByRole("button", { name: "Save source" }).click(),
  );
  expect(await replayAs(staff, captured, await cookieHeader(staff))).toBe(403);
  expect((await read(e2eDb()).select().from(s.sources).where(eq(s.sources.title, title)).limit(1))[0]).toBeUndefined();
});

test("the sources list and edit form have no serious accessibility violation", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  for (const path of ["/admin/sources", "/admin/sources/src-000/edit"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

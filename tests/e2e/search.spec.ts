import { expect, test } from "@playwright/test";
import { signedInPage } from "./admin-helpers";
import { uniqueAddress } from "./fixtures";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

test("the composer's proposals find a word by its stem and mark the matched word", async ({ browser }) => {
  const { page } = await signedInPage(browser, "staff");
  await page.goto("/briefings/new");
  await page.getByLabel("Country").selectOption("KZ");
  await page.getByLabel("Search words").fill("ventilator");
  await page.getByRole("button", { name: "Show matching facts" }).click();
  const facts = page.getByTestId("proposed-fact");
  await expect(facts.first()).toBeVisible();
  // "ventilator" finds "…400 sets of mobile medical ventilators…", and says why: the word is marked.
  await expect(facts.first().locator("mark").first()).toHaveText(/^ventilators$/i);
  expect(await facts.count()).toBe(await facts.filter({ has: page.locator("mark") }).count());
});

test("the admin fact list completes the last word, marks it and ranks by relevance; symbols alone are no search", async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, "admin");
  await page.goto("/admin/facts");
  await page.getByLabel("Words").fill("cooperat");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=cooperat(&|$)/);
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page.getByTestId("fact-count")).toContainText("best matches first");
  await expect(page.locator("tbody mark").first()).toHaveText(/^cooperat/i);
  expect((await page.goto(`/admin/facts?q=${encodeURIComponent('AND OR NOT "*" - ^')}`))?.status()).toBe(200);
  await page.goto("/admin/facts");
  const all = await page.getByTestId("fact-count").textContent();
  await page.goto(`/admin/facts?q=${encodeURIComponent('"*" - ^')}`);
  await expect(page.getByTestId("fact-count")).toHaveText(all!);
});

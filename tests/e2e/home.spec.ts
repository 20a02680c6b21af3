import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { makeUser, signIn, uniqueAddress } from "./fixtures";

test.beforeEach(async ({ page, context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
  await signIn(page, await makeUser("staff"));
});

test("the home page lists the countries with their fact counts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Countries and organisations" })).toBeVisible();
  const kazakhstan = page.getByTestId("party-KZ");
  await expect(kazakhstan).toContainText("Kazakhstan");
  const count = Number(await kazakhstan.getByTestId("fact-count").textContent());
  expect(count).toBeGreaterThan(20);
  for (const name of ["Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Afghanistan", "European Union"]) {
    await expect(page.getByRole("list", { name: "Parties" })).toContainText(name);
  }
});

test("the home page has no serious accessibility violation", async ({ page }) => {
  await page.goto("/");
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { clearDraft, e2eDb, e2eWrite, makeUser, read, signIn, uniqueAddress } from "./fixtures";

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

const factIds = (page: Page, topicId: string) =>
  page
    .getByTestId(`section-${topicId}`)
    .getByTestId("composer-fact")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-fact-id")));

test("compose a Kazakhstan briefing on trade and transport, arrange it, save, reload: everything is as left", async ({
  page,
}) => {
  await signIn(page, await makeUser("staff"));
  await composeKazakhstan(page, ["Trade and investment", "Transport and connectivity"]);
  await expect(page.getByTestId("section-trade-investment")).toBeVisible();
  await expect(page.getByTestId("section-transport-connectivity")).toBeVisible();
  await expect(page.locator("[data-testid^=section-]")).toHaveCount(2);

  const before = await factIds(page, "trade-investment");
  const trade = page.getByTestId("section-trade-investment");
  await trade.getByTestId("composer-fact").first().getByRole("checkbox").uncheck(); // exclude one
  await trade
    .getByTestId("composer-fact")
    .nth(2)
    .getByRole("button", { name: /Move up/ })
    .click(); // move another up
  await page.getByRole("button", { name: /Move section Transport and connectivity up/ }).click();
  await page.getByLabel("Key messages").fill("Kazakhstan is the EU's main partner in the region.");
  await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");

  await page.getByLabel("Background notes").fill("Unsaved words.");
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole("link", { name: "All my briefings" }).click();
  expect(asked).toContain("unsaved changes");
  await expect(page.getByLabel("Background notes")).toHaveValue("Unsaved words."); // stayed, nothing lost
  await page.getByLabel("Background notes").fill("");
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");

  await page.reload();
  const after = await factIds(page, "trade-investment");
  expect(after).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
  await expect(
    page.getByTestId("section-trade-investment").getByTestId("composer-fact").first().getByRole("checkbox"),
  ).not.toBeChecked();
  await expect(page.getByLabel("Key messages")).toHaveValue("Kazakhstan is the EU's main partner in the region.");
  const order = await page
    .locator("[data-testid^=section-]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  expect(order).toEqual(["section-transport-connectivity", "section-trade-investment"]);

  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-contents")).toContainText("Transport and connectivity");
  const previewFacts = await page
    .getByTestId("preview-fact")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-fact-id")));
  expect(previewFacts).not.toContain(before[0]);
  expect(previewFacts).toContain(before[1]);
});

test("a finalised briefing keeps its facts when one is edited, says so, and a new revision carries the edit", async ({
  page,
}) => {
  const owner = await makeUser("staff");
  await signIn(page, owner);
  const id = await composeKazakhstan(page, ["Transport and connectivity"]);
  await clearDraft(owner, id); // finalising needs clearance (CHANCERY_REQUIRE_CLEARANCE is on by default)
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Finalise briefing" }).click();
  await expect(page.getByTestId("status-badge")).toHaveText(/Final.*revision 1/);
  const first = page.getByTestId("preview-fact").first();
  const factId = (await first.getAttribute("data-fact-id"))!;
  const oldText = (await first.textContent())!;

  const [row] = await read(e2eDb()).select().from(s.facts).where(eq(s.facts.id, factId));
  const newText = `${row.text} (Corrected in e2e ${Date.now()}.)`;
  await e2eWrite((tx) =>
    tx
      .update(s.facts)
      .set({ text: newText, version: row.version + 1 })
      .where(eq(s.facts.id, factId)),
  );
  try {
    await page.reload();
    await expect(page.getByTestId("changed-count")).toHaveText("1 fact changed since finalised.");
    await expect(page.locator(`[data-fact-id="${factId}"]`)).toHaveText(oldText);
    await page.getByRole("button", { name: "New revision" }).click();
    await expect(page).not.toHaveURL(new RegExp(id));
    await expect(page.getByTestId("status-badge")).toHaveText(/Draft.*revision 2/);
    await expect(page.locator(`[data-fact-id="${factId}"]`)).toContainText("Corrected in e2e");
  } finally {
    await e2eWrite((tx) =>
      tx
        .update(s.facts)
        .set({ text: row.text, version: row.version + 2 })
        .where(eq(s.facts.id, factId)),
    );
  }
});

test("another staff member cannot open or save someone's briefing", async ({ browser, page }) => {
  await signIn(page, await makeUser("staff"));
  const id = await composeKazakhstan(page, ["Afghanistan"]);
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route(`**/briefings/${id}`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = { headers: route.request().headers(), body: route.request().postDataBuffer()! };
    await route.abort();
  });
  await page.getByRole("textbox", { name: "Title", exact: true }).fill("Changed by someone else");
  await page.getByRole("button", { name: "Save" }).click();
  await expect.poll(() => captured).toBeDefined();

  const other = await (
    await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })
  ).newPage();
  await signIn(other, await makeUser("staff"));
  for (const path of [`/briefings/${id}`, `/briefings/${id}/preview`]) {
    const response = await other.goto(path);
    expect(response?.status()).toBe(404);
  }
  const cookie = (await other.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const replay = await other.request.post(`/briefings/${id}`, {
    headers: { ...captured!.headers, cookie },
    data: captured!.body,
  });
  expect(await replay.text()).toContain("No such briefing");
  expect((await read(e2eDb()).select().from(s.briefings).where(eq(s.briefings.id, id)).limit(1))[0]?.title).not.toBe(
    "Changed by someone else",
  );
});

test("the list, compose and preview pages have no serious accessibility violation", async ({ page }) => {
  await signIn(page, await makeUser("staff"));
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`);
  await page.goto("/briefings");
  expect(await serious()).toEqual([]);
  const id = await composeKazakhstan(page, ["Trade and investment"]);
  expect(await serious()).toEqual([]);
  await page.goto("/briefings");
  await expect(page.getByTestId("briefing-row")).toHaveCount(1);
  expect(await serious()).toEqual([]);
  await page.goto(`/briefings/new?country=KZ`);
  expect(await serious()).toEqual([]);
  await page.goto(`/briefings/${id}/preview`);
  expect(await serious()).toEqual([]);
});

test("hidden characters in a title or note are refused at the field, and nothing is lost", async ({ page }) => {
  await signIn(page, await makeUser("staff"));
  await composeKazakhstan(page, ["Health and Covid-19"]);
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await title.fill("Kazakhstan \u202Eefil\u202C health");
  const note = page.getByTestId("composer-fact").first();
  await note.getByText("Add a note").click();
  await note.getByRole("textbox").fill("Check\u0000this");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#title-error")).toContainText("bidirectional");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(note.locator(".field-error")).toContainText("control character");
  await expect(title).toHaveValue("Kazakhstan \u202Eefil\u202C health"); // what was typed is kept
  await expect(page.getByTestId("save-status")).toHaveText("Some fields need attention.");
});

test("an unknown briefing or country is a 404", async ({ page }) => {
  await signIn(page, await makeUser("staff"));
  expect((await page.goto("/briefings/00000000-0000-0000-0000-000000000000"))?.status()).toBe(404);
  expect((await page.goto("/briefings/new?country=XX"))?.status()).toBe(404);
});

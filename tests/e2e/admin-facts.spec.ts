import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { e2eDb, uniqueAddress, read } from "./fixtures";
import { captureActionPost, cookieHeader, replayAs, seriousViolations, signedInPage } from "./admin-helpers";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

const factRow = async (id: string) =>
  (await read(e2eDb()).select().from(s.facts).where(eq(s.facts.id, id)).limit(1))[0]!;
const auditOf = async (id: string) => await read(e2eDb()).select().from(s.auditLog).where(eq(s.auditLog.entityId, id));

test("staff get 403 on every fact admin page, and on a fact save posted directly", async ({ browser }) => {
  const { page: admin } = await signedInPage(browser, "admin");
  const { page: staff } = await signedInPage(browser, "staff");
  for (const path of [
    "/admin",
    "/admin/facts",
    "/admin/facts/new",
    "/admin/facts/fact-000-01",
    "/admin/facts/fact-000-01/history",
    "/admin/facts/trash",
  ]) {
    const response = await staff.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  const before = await factRow("fact-000-02");
  await admin.goto("/admin/facts/fact-000-02");
  await admin.getByLabel("Text", { exact: true }).fill("Changed by a staff replay");
  const captured = await captureActionPost(admin, "**/admin/facts/fact-000-02", () =>
    admin.getByRole("button", { name: "Save fact" }).click(),
  );
  expect(await replayAs(staff, captured, await cookieHeader(staff))).toBe(403);
  expect(await replayAs(staff, captured, "")).toBe(401);
  expect((await factRow("fact-000-02")).version).toBe(before.version);
  expect((await factRow("fact-000-02")).text).toBe(before.text);
});

test("filters live in the address and narrow the list", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  await page.goto("/admin/facts");
  const all = await page.getByTestId("fact-count").textContent();
  await page.getByLabel("Words").fill("Covid-19 pandemic");
  await page.getByLabel("Kind").selectOption("statement");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=Covid-19\+pandemic/);
  await expect(page).toHaveURL(/kind=statement/);
  await expect(page.getByTestId("fact-count")).not.toHaveText(all!);
  await expect(page.getByRole("link", { name: "fact-000-02" })).toBeVisible();
  // Bookmarkable: a fresh load of the address gives the same list.
  await page.goto(page.url());
  await expect(page.getByRole("link", { name: "fact-000-02" })).toBeVisible();
  await page.getByRole("link", { name: /^Date/ }).click();
  // With words the default order is relevance (left out of the address); Date sorts by date, ascending first.
  await expect(page).toHaveURL(/sort=date/);
  await expect(page).toHaveURL(/dir=asc/);
});

test("a quote not in the source is refused at the quote field, and nothing is saved", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  const before = await factRow("fact-000-03");
  await page.goto("/admin/facts/fact-000-03");
  await page.getByLabel("Quote (verbatim from the source)").fill("words this article never printed");
  await page.getByRole("button", { name: "Save fact" }).click();
  await expect(page.locator("#quote-error")).toContainText("not in the source");
  await expect(page.getByLabel("Quote (verbatim from the source)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Quote (verbatim from the source)")).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "need attention" })).toBeVisible();
  expect((await factRow("fact-000-03")).version).toBe(before.version);
});

test("two admins save the same version: the second sees the conflict, chooses, and both edits survive", async ({
  browser,
}) => {
  const id = "fact-000-04";
  const { page: a } = await signedInPage(browser, "admin");
  const { page: b } = await signedInPage(browser, "admin");
  await a.goto(`/admin/facts/${id}`);
  await b.goto(`/admin/facts/${id}`);
  await a.getByLabel("Text", { exact: true }).fill("Edited by admin A.");
  await a.getByRole("button", { name: "Save fact" }).click();
  await expect(a.getByText("Saved.")).toBeVisible();
  await b.getByLabel("Date note").fill("Note added by admin B.");
  await b.getByRole("button", { name: "Save fact" }).click();
  const conflict = b.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Edited by admin A.")).toBeVisible();
  await expect(b.getByLabel("Text", { exact: true })).toHaveValue("Edited by admin A.");
  await expect(b.getByLabel("Date note")).toHaveValue("Note added by admin B.");
  expect(await seriousViolations(b)).toEqual([]);
  await b.getByRole("button", { name: "Save with my choices" }).click();
  await expect(b.getByText("Saved.")).toBeVisible();
  const row = await factRow(id);
  expect(row.text).toBe("Edited by admin A.");
  expect(row.dateNote).toBe("Note added by admin B.");
  const updates = (await auditOf(id)).filter((r) => r.action === "fact.updated");
  expect(updates).toHaveLength(2);
  expect(updates.every((r) => r.before && r.after)).toBe(true);
});

test("history shows a field diff and restores an earlier version; trash and restore", async ({ browser }) => {
  const id = "fact-000-05";
  const { page } = await signedInPage(browser, "admin");
  const original = (await factRow(id)).text;
  const earlier = (await auditOf(id)).length; // other tests may have edited this fact before
  await page.goto(`/admin/facts/${id}`);
  // Each save waits for its own answer, then starts again from a fresh form: "Saved." from
  // the first save would otherwise satisfy the second wait before that save was sent.
  for (const text of ["A temporary wording.", "A second wording."]) {
    await page.getByLabel("Text", { exact: true }).fill(text);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Save fact" }).click(),
    ]);
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect.poll(async () => (await factRow(id)).text).toBe(text);
    await page.reload();
  }
  await page.getByRole("link", { name: "History" }).click();
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(earlier + 2);
  await expect(entries.first().locator("ins")).toHaveText("A second wording.");
  expect(await seriousViolations(page)).toEqual([]);
  await entries
    .nth(1)
    .getByRole("button", { name: /Restore this version/ })
    .click();
  await expect(page.getByText("Earlier version restored.")).toBeVisible();
  expect((await factRow(id)).text).toBe("A temporary wording.");
  expect((await auditOf(id)).at(-1)).toMatchObject({
    action: "fact.version_restored",
    before: { text: "A second wording." },
    after: { text: "A temporary wording." },
  });
  expect(original).not.toBe("A temporary wording.");

  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/admin\/facts\/trash/);
  await expect(page.getByRole("link", { name: id })).toBeVisible();
  expect((await factRow(id)).deletedAt).not.toBeNull();
  await page.getByRole("button", { name: `Restore ${id}` }).click();
  await expect(page.getByText("Restored from the trash.")).toBeVisible();
  expect((await factRow(id)).deletedAt).toBeNull();
  expect((await auditOf(id)).map((r) => r.action).slice(-2)).toEqual(["fact.deleted", "fact.undeleted"]);
});

test("hostile text is stored escaped or refused, never executed", async ({ browser }) => {
  const id = "fact-000-06";
  const { page } = await signedInPage(browser, "admin");
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  const hostile = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(1)"> & "quotes"`;
  await page.goto(`/admin/facts/${id}`);
  await page.getByLabel("Text", { exact: true }).fill("evil \u202Egnp.exe");
  await page.getByRole("button", { name: "Save fact" }).click();
  await expect(page.locator("#text-error")).toContainText("bidirectional");
  await page.getByLabel("Text", { exact: true }).fill("x".repeat(5000));
  await page.getByRole("button", { name: "Save fact" }).click();
  await expect(page.locator("#text-error")).toContainText("too long");
  await page.getByLabel("Text", { exact: true }).fill(hostile);
  await page.getByRole("button", { name: "Save fact" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await factRow(id)).text).toBe(hostile);
  await page.goto(`/admin/facts?q=${encodeURIComponent("pwned")}`);
  await expect(page.getByRole("cell", { name: hostile })).toBeVisible();
  await page.goto(`/admin/facts/${id}/history`);
  await expect(page.locator("ins").filter({ hasText: "<script>" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test("the fact list, new-fact form and edit form have no serious accessibility violation", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  for (const path of ["/admin", "/admin/facts", "/admin/facts/new", "/admin/facts/fact-000-07", "/admin/facts/trash"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.goto("/admin/facts/new");
  await page.getByRole("button", { name: "Save fact" }).click();
  await expect(page.locator("#text-error")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

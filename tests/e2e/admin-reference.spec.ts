import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { e2eDb, uniqueAddress, read } from "./fixtures";
import { captureActionPost, cookieHeader, replayAs, seriousViolations, signedInPage } from "./admin-helpers";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

const topic = async (id: string) =>
  (await read(e2eDb()).select().from(s.topics).where(eq(s.topics.id, id)).limit(1))[0]!;

test("staff get 403 on the parties, topics, people and meetings pages and on a topic save posted directly", async ({
  browser,
}) => {
  const { page: admin } = await signedInPage(browser, "admin");
  const { page: staff } = await signedInPage(browser, "staff");
  for (const path of [
    "/admin/parties",
    "/admin/parties/KZ",
    "/admin/topics",
    "/admin/topics/health",
    "/admin/people",
    "/admin/people/new",
    "/admin/meetings",
    "/admin/meetings/new",
    "/admin/trash",
    "/admin/audit",
  ]) {
    expect((await staff.goto(path))?.status(), path).toBe(403);
  }
  const before = await topic("digitalisation");
  await admin.goto("/admin/topics/digitalisation");
  await admin.getByLabel("Description").fill("Changed by a staff replay");
  const captured = await captureActionPost(admin, "**/admin/topics/digitalisation", () =>
    admin.getByRole("button", { name: "Save topic" }).click(),
  );
  expect(await replayAs(staff, captured, await cookieHeader(staff))).toBe(403);
  expect(await topic("digitalisation")).toMatchObject({ description: before.description, version: before.version });
});

test("a topic edit is saved with an audit row; a stale save shows the newer values and keeps the admin's", async ({
  browser,
}) => {
  const { page: a } = await signedInPage(browser, "admin");
  const { page: b } = await signedInPage(browser, "admin");
  await a.goto("/admin/topics/science-education");
  await b.goto("/admin/topics/science-education");
  await a.getByLabel("Description").fill("Edited by A.");
  await a.getByRole("button", { name: "Save topic" }).click();
  await expect(a.getByText("Saved.")).toBeVisible();
  await b.getByLabel("Sort order").fill("42");
  await b.getByRole("button", { name: "Save topic" }).click();
  await expect(b.getByTestId("conflict")).toBeVisible();
  await expect(b.getByLabel("Sort order")).toHaveValue("42");
  await b.getByRole("button", { name: "Use saved value for Description" }).click();
  await b.getByRole("button", { name: "Save topic" }).click();
  await expect(b.getByText("Saved.")).toBeVisible();
  expect(await topic("science-education")).toMatchObject({ description: "Edited by A.", sortOrder: 42 });
  const audit = await read(e2eDb()).select().from(s.auditLog).where(eq(s.auditLog.entityId, "science-education"));
  expect(audit.map((r) => r.action)).toEqual(["topic.updated", "topic.updated"]);
  expect(audit.every((r) => r.before && r.after)).toBe(true);
});

test("deleting a meeting facts refer to is refused, listing them", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  await page.goto("/admin/meetings/mtg-eu-ca-ministerial-16");
  await page.getByRole("button", { name: "Delete meeting" }).click();
  await expect(page.getByRole("status").filter({ hasText: "cannot be deleted" })).toContainText("fact fact-000-01");
});

test("an admin filters the parties list by name, and clears the filter", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  await page.goto("/admin/parties");
  const count = page.getByTestId("list-count");
  const all = await count.textContent();
  await page.getByLabel("Filter by name or id").fill("kazakh");
  await page.getByLabel("Filter by name or id").press("Enter");
  await expect(page).toHaveURL(/\/admin\/parties\?q=kazakh$/);
  await expect(count).toHaveText("Showing 1 party");
  await expect(page.getByRole("link", { name: "KZ", exact: true })).toBeVisible();
  await page.getByLabel("Filter by name or id").fill("no such party");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(count).toHaveText("No parties match “no such party”.");
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(count).toHaveText(all ?? "");
});

test("the reference-data pages have no serious accessibility violation", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  for (const path of [
    "/admin/parties",
    "/admin/parties?q=kaz",
    "/admin/parties/KZ",
    "/admin/topics/health",
    "/admin/people",
    "/admin/meetings",
    "/admin/meetings/mtg-eu-ca-ministerial-16",
    "/admin/meetings/new",
  ]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test("a topic's history shows the diff and restores an earlier version", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  for (const text of ["First wording.", "Second wording."]) {
    await page.goto("/admin/topics/energy-raw-materials");
    await page.getByLabel("Description").fill(text);
    await page.getByRole("button", { name: "Save topic" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
  }
  await page.getByRole("link", { name: "History" }).click();
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.first().locator("ins")).toHaveText("Second wording.");
  expect(await seriousViolations(page)).toEqual([]);
  await entries
    .nth(1)
    .getByRole("button", { name: /Restore this version/ })
    .click();
  await expect(page.getByText("Earlier version restored.")).toBeVisible();
  expect((await topic("energy-raw-materials")).description).toBe("First wording.");
});

test("a person's roles over time: add one, see it listed, page accessible", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  const person = (await read(e2eDb()).select().from(s.people).limit(1))[0]!;
  await page.goto(`/admin/people/${person.id}`);
  const before = await page.getByTestId("role").count();
  const add = page.getByRole("region", { name: "Roles over time" });
  await add.locator("#new-role-title").fill("Special envoy");
  await add.locator("#new-role-party").selectOption("EU");
  await add.locator("#new-role-from").fill("2024-02-30");
  await add.getByRole("button", { name: "Add role" }).click();
  await expect(add.locator("#new-role-from-error")).toBeVisible();
  await add.locator("#new-role-from").fill("2024-02-01");
  await add.getByRole("button", { name: "Add role" }).click();
  await expect(page.getByTestId("role")).toHaveCount(before + 1);
  await expect(page.getByTestId("role").filter({ hasText: "Special envoy" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a new meeting starts internal; an admin makes it releasable, audited, and the list shows it", async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, "admin");
  const name = `Handling visit ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto("/admin/meetings/new");
  await expect(page.getByLabel("Handling")).toHaveValue("internal");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Save meeting" }).click();
  await expect(page).toHaveURL(/\/admin\/meetings\/(?!new)[^/?]+/);
  const meeting = async () =>
    (await read(e2eDb()).select().from(s.meetings).where(eq(s.meetings.name, name)).limit(1))[0]!;
  expect((await meeting()).handling).toBe("internal");
  await page.getByLabel("Handling").selectOption("releasable");
  await page.getByRole("button", { name: "Save meeting" }).click();
  await expect.poll(async () => (await meeting()).handling).toBe("releasable");
  const { id } = await meeting();
  const audit = await read(e2eDb()).select().from(s.auditLog).where(eq(s.auditLog.entityId, id));
  const updated = audit.filter((r) => r.action === "meeting.updated");
  expect(updated).toHaveLength(1);
  expect(updated[0].before).toMatchObject({ handling: "internal" });
  expect(updated[0].after).toMatchObject({ handling: "releasable" });
  await page.goto(`/admin/meetings?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("releasable");
});

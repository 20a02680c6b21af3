import { expect, test } from "@playwright/test";
import { and, eq, isNull } from "drizzle-orm";
import * as s from "@/db/schema";
import { captureActionPost, cookieHeader, replayAs, seriousViolations, signedInPage } from "./admin-helpers";
import { e2eDb, read } from "./fixtures";

const MEETING = "mtg-eu-ca-hlpsd-10";
const live = async () =>
  read(e2eDb())
    .select()
    .from(s.participations)
    .where(and(eq(s.participations.meetingId, MEETING), isNull(s.participations.deletedAt)));

test("an admin adds a participant to a meeting with a verbatim quote and removes it; staff cannot", async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, "admin");
  const { page: staff } = await signedInPage(browser, "staff");
  await page.goto(`/admin/meetings/${MEETING}`);
  const before = (await live()).length;
  const form = page.getByRole("form", { name: "Add a participant" });
  await form.getByLabel("Party", { exact: true }).selectOption("TM");
  await form.getByLabel("Title at the time").fill("Ambassador of Turkmenistan in Astana (e2e)");
  await form.getByLabel("Source", { exact: true }).selectOption("src-002");
  await form
    .getByLabel("Quote (verbatim from the source)")
    .fill("the Turkmen ambassador in Astana led its delegation (not verbatim)");
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(form.locator("#participant-quote-error")).toContainText("not in the source");
  const fill = async () => {
    await form.getByLabel("Party", { exact: true }).selectOption("TM");
    await form.getByLabel("Title at the time").fill("Ambassador of Turkmenistan in Astana (e2e)");
    await form.getByLabel("Source", { exact: true }).selectOption("src-002");
    await form
      .getByLabel("Quote (verbatim from the source)")
      .fill("the Turkmen ambassador in Astana led its delegation");
  };
  await fill();
  const captured = await captureActionPost(page, `**/admin/meetings/${MEETING}`, () =>
    form.getByRole("button", { name: "Add participant" }).click(),
  );
  expect(await replayAs(staff, captured, await cookieHeader(staff))).toBe(403);
  expect(await live()).toHaveLength(before);

  await page.reload(); // the captured request was aborted; start from a fresh page
  await fill();
  await form.getByRole("button", { name: "Add participant" }).click();
  const item = page.getByRole("listitem").filter({ hasText: "Ambassador of Turkmenistan in Astana (e2e)" });
  await expect(item).toBeVisible();
  expect(await live()).toHaveLength(before + 1);
  expect(await seriousViolations(page)).toEqual([]);
  await item.getByRole("button", { name: /Remove/ }).click();
  await expect(item).toHaveCount(0);
  expect(await live()).toHaveLength(before);
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { clearDraft, makeUser, uniqueAddress } from "./fixtures";
import { draftOf, expectAxeClean, pageAs } from "./workflow-helpers";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

function pdfFirstPage(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chancery-pdf-")), "b.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", file, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    " ",
  );
}

async function submitTo(page: Page, clearerName: string, note = "") {
  const panel = page.getByRole("region", { name: "Clearance" });
  await panel.getByRole("checkbox", { name: new RegExp(clearerName) }).check();
  if (note) await panel.getByLabel("Note to the clearers (optional)").fill(note);
  await panel.getByRole("button", { name: "Submit for clearance" }).click();
  await expect(panel.getByTestId("clearance-status")).toContainText(`Awaiting clearance by ${clearerName}`);
}

test("submit → the clearer returns it with a comment → the owner edits and resubmits → approved → finalised: the PDF cover says who cleared it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const owner = await makeUser("staff");
  const clearer = await makeUser("staff", { clearer: true });
  const id = await draftOf(owner);
  const ownerPage = await pageAs(browser, owner);
  await ownerPage.goto(`/briefings/${id}`);
  await expect(ownerPage.getByTestId("finalise-reason")).toContainText("Only a cleared briefing can be finalised");
  await submitTo(ownerPage, clearer.name, "For the visit on Monday.");
  await expect(ownerPage.getByTestId("read-only-notice")).toContainText("awaiting clearance");
  await expect(ownerPage.getByTestId("read-only-notice")).toContainText("withdraw the submission");
  await expect(ownerPage.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(ownerPage.getByRole("button", { name: /^Withdraw/ })).toBeVisible();
  await expectAxeClean(ownerPage);

  const page = await pageAs(browser, clearer);
  await page.goto("/");
  const awaiting = page.getByTestId("inbox-awaiting");
  await expect(awaiting).toContainText("For the visit on Monday.");
  await awaiting.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/briefings/${id}$`));
  const panel = page.getByRole("region", { name: "Clearance" });
  await expect(panel.getByRole("button", { name: "Approve" })).toBeVisible();
  await panel.getByRole("button", { name: "Return" }).click();
  await expect(panel.locator("#return-comment-error")).toBeVisible(); // a comment is required
  await expectAxeClean(page);
  await panel.getByLabel("What should change (required to return it)").fill("Shorten the background, please.");
  await panel.getByRole("button", { name: "Return" }).click();
  await expect(page).toHaveURL(/\/\?decision=returned$/);
  await expect(page.getByRole("status").filter({ hasText: "You returned the briefing" })).toBeVisible();

  await ownerPage.goto("/");
  await expect(ownerPage.getByTestId("inbox-returned")).toContainText("Shorten the background, please.");
  await ownerPage.goto(`/briefings/${id}`);
  await expect(ownerPage.getByTestId("clearance-status")).toContainText(`Returned by ${clearer.name}`);
  await ownerPage.getByLabel("Background notes").fill("Short.");
  await ownerPage.getByRole("button", { name: "Save" }).click();
  await expect(ownerPage.getByTestId("save-status")).toHaveText("All changes saved");
  await submitTo(ownerPage, clearer.name);

  await page.goto(`/briefings/${id}`);
  await page.getByRole("region", { name: "Clearance" }).getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/\/\?decision=approved$/);

  await ownerPage.reload();
  await expect(ownerPage.getByTestId("clearance-status")).toContainText(`Cleared by ${clearer.name}`);
  await expect(ownerPage.getByTestId("finalise-reason")).toHaveCount(0);
  ownerPage.once("dialog", (d) => void d.accept());
  await ownerPage.getByRole("button", { name: "Finalise briefing" }).click();
  await expect(ownerPage.getByTestId("status-badge")).toHaveText(/Final.*revision 1/);
  await expect(ownerPage.getByTestId("preview-clearance")).toContainText(`Cleared by ${clearer.name}`);
  await expectAxeClean(ownerPage);

  const response = await ownerPage.request.get(`/briefings/${id}/pdf`);
  expect(response.status()).toBe(200);
  expect(pdfFirstPage(await response.body())).toContain(`Cleared by ${clearer.name}`);
});

test("the owner withdraws a submission and can edit again; an edit after approval voids the clearance and Finalise says why", async ({
  browser,
}) => {
  const owner = await makeUser("staff");
  const clearer = await makeUser("staff", { clearer: true });
  const id = await draftOf(owner);
  const ownerPage = await pageAs(browser, owner);
  await ownerPage.goto(`/briefings/${id}`);
  await submitTo(ownerPage, clearer.name);
  await ownerPage.getByRole("button", { name: /^Withdraw/ }).click();
  await expect(ownerPage.getByTestId("clearance-status")).toContainText("withdrawn");
  await expect(ownerPage.getByLabel("Background notes")).toBeVisible();

  const { name } = await clearDraft(owner, id);
  await ownerPage.reload();
  await expect(ownerPage.getByTestId("clearance-status")).toContainText(`Cleared by ${name}`);
  await ownerPage.getByLabel("Background notes").fill("Changed after approval.");
  await ownerPage.getByRole("button", { name: "Save" }).click();
  await expect(ownerPage.getByTestId("save-status")).toHaveText("All changes saved");
  await ownerPage.reload();
  await expect(ownerPage.getByTestId("clearance-status")).toContainText("Clearance voided by a later edit");
  await expect(ownerPage.getByTestId("finalise-reason")).toContainText("changed after it was approved");
  ownerPage.once("dialog", (d) => void d.accept());
  await ownerPage.getByRole("button", { name: "Finalise briefing" }).click();
  await expect(ownerPage.getByRole("alert").filter({ hasText: "clearance" })).toContainText(
    "Submit it for clearance again",
  );
  await expect(ownerPage.getByTestId("status-badge")).toHaveText(/Draft/);
});

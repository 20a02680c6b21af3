import { expect, test } from "@playwright/test";
import { makeUser, uniqueAddress } from "./fixtures";
import { draftOf, expectAxeClean, pageAs, shareAs } from "./workflow-helpers";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

test("a viewer comments on one fact: the owner's inbox shows it; the owner replies and resolves it; marked seen it stops counting", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = await makeUser("staff");
  const viewer = await makeUser("staff");
  const id = await draftOf(owner);
  await shareAs(owner, id, viewer, "view");

  const page = await pageAs(browser, viewer);
  await page.goto(`/briefings/${id}`);
  const panel = page.getByRole("region", { name: /^Comments/ });
  await panel.getByRole("button", { name: "Add comment" }).click();
  await expect(panel.locator(".field-error")).toBeVisible(); // an empty comment is refused with a field error
  const fact = (await panel.locator('select[name="anchor"] option[value^="fact:"]').first().getAttribute("value"))!;
  await panel.getByLabel("On").selectOption(fact);
  await panel.getByLabel("Comment", { exact: true }).fill("Is this figure still current?");
  await panel.getByRole("button", { name: "Add comment" }).click();
  const thread = panel.getByTestId("comment-thread");
  await expect(thread).toHaveCount(1);
  await expect(thread).toHaveAttribute("data-anchor", "fact");
  await expect(thread).toContainText("Is this figure still current?");
  await expect(thread).toContainText(viewer.name);
  await expect(thread).toContainText("revision 1");
  await expectAxeClean(page);

  const ownerPage = await pageAs(browser, owner);
  await ownerPage.goto("/");
  await expect(ownerPage.getByRole("link", { name: "Inbox, 1 waiting" })).toBeVisible();
  const inboxComments = ownerPage.getByTestId("inbox-comments");
  await expect(inboxComments.getByTestId("inbox-comment")).toContainText("Is this figure still current?");
  await expect(inboxComments).toContainText(`${viewer.name} commented on a fact`);
  await expectAxeClean(ownerPage);

  await inboxComments.getByRole("link").first().click();
  await expect(ownerPage).toHaveURL(new RegExp(`/briefings/${id}$`));
  const ownerThread = ownerPage.getByTestId("comment-thread");
  await ownerThread.locator("summary").filter({ hasText: "Reply" }).click();
  await ownerThread.getByLabel(`Reply to ${viewer.name}`).fill("Yes, checked against the 2024 figures.");
  await ownerThread.getByRole("button", { name: "Send reply" }).click();
  await expect(ownerThread.getByTestId("comment-reply")).toContainText("checked against the 2024 figures");
  await ownerThread.getByRole("button", { name: /^Resolve/ }).click();
  await expect(ownerThread).toContainText(`Resolved by ${owner.name}`);
  await expect(ownerThread.getByRole("button", { name: /^Reopen/ })).toBeVisible();

  // The preview shows the comments beside the document (they never print).
  await ownerPage.goto(`/briefings/${id}/preview`);
  await expect(ownerPage.getByTestId("comment-thread")).toContainText("Is this figure still current?");
  await expectAxeClean(ownerPage);

  await ownerPage.goto("/");
  await ownerPage.getByRole("button", { name: "Mark as seen" }).click();
  await expect(ownerPage.getByRole("link", { name: "Inbox, nothing waiting" })).toBeVisible();
  await expect(ownerPage.getByTestId("inbox-comments")).toContainText("No new comments since you last looked.");
});

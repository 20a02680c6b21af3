import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { unshareBriefing } from "@/db/queries/sharing/unshare-briefing";
import { setUserDisabled } from "@/db/queries/users/set-user-disabled";
import { actorOf, e2eDb, makeUser, read, uniqueAddress } from "./fixtures";
import { captureActionPost, cookieHeader } from "./admin-helpers";
import { draftOf, expectAxeClean, pageAs, shareAs } from "./workflow-helpers";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

const versionOf = async (id: string) =>
  (await read(e2eDb()).select().from(s.briefings).where(eq(s.briefings.id, id)))[0]!.version;

test("the owner shares a draft: the colleague finds it under Shared with me and edits it; a removed share fails their next save with a reason", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = await makeUser("staff");
  const colleague = await makeUser("staff");
  const id = await draftOf(owner);
  const ownerPage = await pageAs(browser, owner);
  await ownerPage.goto(`/briefings/${id}`);
  const sharing = ownerPage.getByRole("region", { name: "Sharing" });
  await expect(sharing).toContainText("Not shared with anyone");
  await sharing.getByLabel("Colleague’s name or email").fill(colleague.email);
  await sharing.getByLabel("Colleague’s name or email").press("Enter");
  const candidate = sharing.getByTestId("share-candidate").filter({ hasText: colleague.name });
  await expect(candidate).toHaveCount(1);
  await candidate.getByLabel(`Access for ${colleague.name}`).selectOption("edit");
  await candidate.getByRole("button", { name: `Share with ${colleague.name}` }).click();
  await expect(candidate).toContainText(`Shared with ${colleague.name}.`);
  await expect(sharing.getByRole("list", { name: "Shared with" })).toContainText(colleague.name);
  await expectAxeClean(ownerPage);

  const page = await pageAs(browser, colleague);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Inbox, 1 waiting" })).toBeVisible();
  const shared = page.getByRole("region", { name: /^Shared with me/ });
  await expect(shared).toContainText(owner.name);
  await expect(shared).toContainText("can edit");
  await expectAxeClean(page);
  await page.goto("/briefings");
  const row = page.getByTestId("shared-row");
  await expect(row).toContainText(owner.name);
  await expect(row).toContainText("can edit");
  await expectAxeClean(page);
  await row.getByRole("link").click();
  await expect(page.getByTestId("briefing-relationship")).toContainText("shared with you: can edit");
  await page.getByLabel("Background notes").fill("Added by the colleague.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  await expect(page.getByRole("button", { name: "Finalise briefing" })).toHaveCount(0); // the owner's alone

  await ownerPage.reload();
  await expect(ownerPage.getByLabel("Background notes")).toHaveValue("Added by the colleague.");

  await unshareBriefing({ actor: actorOf(owner), briefingId: id, userId: colleague.id, db: e2eDb() });
  await page.getByLabel("Background notes").fill("Too late.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("This briefing is no longer shared with you.");
});

test("two editors: the second save is refused and shows the first one's text beside their own, to merge", async ({
  browser,
}) => {
  const owner = await makeUser("staff");
  const editor = await makeUser("staff");
  const id = await draftOf(owner);
  await shareAs(owner, id, editor, "edit");
  const ownerPage = await pageAs(browser, owner);
  const editorPage = await pageAs(browser, editor);
  await ownerPage.goto(`/briefings/${id}`);
  await editorPage.goto(`/briefings/${id}`);
  await ownerPage.getByLabel("Background notes").fill("The owner's background.");
  await ownerPage.getByRole("button", { name: "Save" }).click();
  await expect(ownerPage.getByTestId("save-status")).toHaveText("All changes saved");

  await editorPage.getByLabel("Background notes").fill("The editor's background.");
  await editorPage.getByRole("button", { name: "Save" }).click();
  const conflict = editorPage.getByTestId("save-conflict");
  await expect(conflict).toContainText("The owner's background.");
  await expect(editorPage.getByLabel("Background notes")).toHaveValue("The editor's background."); // kept
  await expectAxeClean(editorPage);
  await editorPage.getByLabel("Background notes").fill("The owner's background. The editor's background.");
  await editorPage.getByRole("button", { name: "Save" }).click();
  await expect(editorPage.getByTestId("save-status")).toHaveText("All changes saved");
  await ownerPage.reload();
  await expect(ownerPage.getByLabel("Background notes")).toHaveValue(
    "The owner's background. The editor's background.",
  );
});

test("a viewer reads and comments but cannot save: the page offers no composer and the action refuses a direct post", async ({
  browser,
}) => {
  const owner = await makeUser("staff");
  const viewer = await makeUser("staff");
  const id = await draftOf(owner);
  await shareAs(owner, id, viewer, "view");
  const viewerPage = await pageAs(browser, viewer);
  await viewerPage.goto(`/briefings/${id}`);
  await expect(viewerPage.getByTestId("read-only-notice")).toContainText("You can view, download and comment");
  await expect(viewerPage.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(viewerPage.getByLabel("Background notes")).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Add comment" })).toBeVisible();
  await expect(viewerPage.getByRole("region", { name: "Sharing" })).toContainText("can view");
  await expectAxeClean(viewerPage);

  // The owner's save, captured before it reaches the server, replayed with the viewer's session.
  const ownerPage = await pageAs(browser, owner);
  await ownerPage.goto(`/briefings/${id}`);
  await ownerPage.getByLabel("Background notes").fill("Posted by someone who may not.");
  const captured = await captureActionPost(ownerPage, `**/briefings/${id}`, () =>
    ownerPage.getByRole("button", { name: "Save" }).click(),
  );
  const { cookie: _owners, ...headers } = captured.headers;
  const response = await viewerPage.request.post(captured.url, {
    headers: { ...headers, cookie: await cookieHeader(viewerPage) },
    data: captured.body,
  });
  expect(response.status()).toBe(403);
  expect(await versionOf(id)).toBe(1);
});

test("an administrator it is not shared with gets 404 on every briefing address and the PDF", async ({ browser }) => {
  const owner = await makeUser("staff");
  const id = await draftOf(owner);
  await shareAs(owner, id, await makeUser("staff"), "edit");
  const admin = await pageAs(browser, await makeUser("admin"));
  for (const url of [`/briefings/${id}`, `/briefings/${id}/compose`, `/briefings/${id}/preview`]) {
    const response = await admin.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  expect((await admin.request.get(`/briefings/${id}/pdf`)).status()).toBe(404);
  expect((await admin.request.head(`/briefings/${id}/pdf`)).status()).toBe(404);
});

test("an administrator hands a disabled owner's briefings over to a colleague, who owns them from then on", async ({
  browser,
}) => {
  const owner = await makeUser("staff");
  const heir = await makeUser("staff");
  const id = await draftOf(owner);
  const admin = await makeUser("admin");
  await setUserDisabled({ actor: actorOf(admin), userId: owner.id, disabled: true, db: e2eDb() });
  const adminPage = await pageAs(browser, admin);
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(owner.email)}`);
  const row = adminPage.getByTestId(`user-${owner.email}`);
  await expect(row.getByTestId("hand-over")).toContainText("Owns 1 briefing");
  await expectAxeClean(adminPage);
  await row.getByLabel(/hand it over to/).fill(heir.email);
  await row.getByRole("button", { name: /^Hand over/ }).click();
  await expect(row).toContainText("1 briefing handed over.");

  const page = await pageAs(browser, heir);
  await page.goto("/briefings");
  await expect(
    page
      .getByTestId("briefing-row")
      .getByRole("link", { name: /Kazakhstan/ })
      .first(),
  ).toBeVisible();
  await page.goto(`/briefings/${id}`);
  await expect(page.getByRole("link", { name: "All my briefings" })).toBeVisible(); // theirs now
});

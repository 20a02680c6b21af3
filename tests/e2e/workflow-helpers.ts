import { expect, type Browser, type Page } from "@playwright/test";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { shareBriefing } from "@/db/queries/sharing/share-briefing";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { actorOf, e2eDb, signIn, uniqueAddress, type TestUser } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";

/** A page in a browser context of its own (its own cookies and client address), signed in as `user`. */
export async function pageAs(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

/** A Kazakhstan draft of the user's, through the data layer. */
export function draftOf(user: TestUser, topics: string[] = ["trade-investment"]): Promise<string> {
  return createBriefing({
    actor: actorOf(user),
    input: newBriefingSchema.parse({ country: "KZ", topics }),
    db: e2eDb(),
  });
}

/** Shares a briefing through the data layer, as its owner. */
export function shareAs(owner: TestUser, briefingId: string, user: TestUser, access: "view" | "edit") {
  return shareBriefing({ actor: actorOf(owner), briefingId, userId: user.id, access, db: e2eDb() });
}

/** No serious or critical axe violations on the page as it stands (each reported with the elements at fault). */
export async function expectAxeClean(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveTitle(/\S/);
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious, page.url()).toEqual([]);
}

import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { and, eq, isNull } from "drizzle-orm";
import * as s from "@/db/schema";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { createFact } from "@/db/queries/facts/create-fact";
import { getFact } from "@/db/queries/facts/get-fact";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { Marking } from "@/lib/model/handling";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { inputOf } from "../helpers/fact-input";
import { actorOf, e2eDb, makeUser, read, uniqueAddress } from "./fixtures";
import { expectAxeClean, pageAs } from "./workflow-helpers";

/*
 * Clearance levels in the browser (issue 16): an administrator sets a colleague's level on
 * Admin → Users; the composer's search shows an OFFICIAL-SENSITIVE fact to a user cleared to
 * SECRET and not to one cleared to OFFICIAL; sharing a briefing holding it with the latter says why not.
 */

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

/** Two facts about Kazakhstan carrying a word of their own: one OFFICIAL, one OFFICIAL-SENSITIVE. */
async function factsWithWord(word: string) {
  const [kz] = await read(e2eDb())
    .select({ id: s.facts.id })
    .from(s.facts)
    .innerJoin(s.factParties, eq(s.factParties.factId, s.facts.id))
    .where(and(eq(s.factParties.partyId, "KZ"), isNull(s.facts.metricKey), isNull(s.facts.deletedAt)))
    .limit(1);
  const template = await getFact({ actor: SYSTEM_ACTOR, id: kz!.id, db: e2eDb() });
  const make = (marking: Marking, label: string) =>
    createFact({
      actor: SYSTEM_ACTOR,
      input: inputOf(template, {
        id: `fact-e2e-${randomUUID()}`,
        version: undefined,
        text: `The ${word} ${label} line.`,
        handling: "internal",
        marking,
      }),
      db: e2eDb(),
    });
  return { official: await make("OFFICIAL", "everyday"), sensitive: await make("OFFICIAL-SENSITIVE", "sensitive") };
}

test("an admin raises a colleague's level; the composer's search shows a sensitive fact to them and not to an OFFICIAL colleague, and sharing it with the latter says why not", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const word = `zephyrine${randomUUID().slice(0, 6)}`;
  await factsWithWord(word);
  const admin = await makeUser("admin", { clearanceLevel: "SECRET" });
  const colleague = await makeUser("staff");
  const official = await makeUser("staff");

  // The admin sets the colleague's level on Admin → Users.
  const adminPage = await pageAs(browser, admin);
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(colleague.email)}`);
  const row = adminPage.getByTestId(`user-${colleague.email}`);
  await expect(row.getByLabel(`Clearance level of ${colleague.email}`)).toHaveValue("OFFICIAL");
  await row.getByLabel(`Clearance level of ${colleague.email}`).selectOption("SECRET");
  await row.getByRole("button", { name: `Set clearance level of ${colleague.email}` }).click();
  await expect(row).toContainText("Clearance level set.");
  await adminPage.reload();
  await expect(row.getByLabel(`Clearance level of ${colleague.email}`)).toHaveValue("SECRET");
  await expectAxeClean(adminPage);

  // The composer's search, as each of them.
  const search = async (page: Awaited<ReturnType<typeof pageAs>>) => {
    await page.goto("/briefings/new");
    await page.getByLabel("Country").selectOption("KZ");
    await page.getByLabel("Search words").fill(word);
    await page.getByRole("button", { name: "Show matching facts" }).click();
    await expect(page.getByTestId("proposed-fact").first()).toBeVisible();
    return page.getByTestId("proposed-fact");
  };
  const secretPage = await pageAs(browser, colleague);
  const theirs = await search(secretPage);
  await expect(theirs).toHaveCount(2);
  await expect(theirs.filter({ hasText: "sensitive line" })).toHaveCount(1);
  // Each proposed fact says its handling and marking, as in the composer.
  await expect(theirs.filter({ hasText: "sensitive line" }).getByTestId("handling-badges")).toHaveText(
    /Internal.*OFFICIAL-SENSITIVE/,
  );
  const officialPage = await pageAs(browser, official);
  const mine = await search(officialPage);
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText("everyday line");
  await expect(officialPage.getByText("sensitive line")).toHaveCount(0);

  // The cleared colleague's draft holds the sensitive fact: sharing it with the OFFICIAL one is refused, saying why.
  const id = await createBriefing({
    actor: { ...actorOf(colleague), clearanceLevel: "SECRET" },
    input: newBriefingSchema.parse({ country: "KZ", q: word }),
    db: e2eDb(),
  });
  await secretPage.goto(`/briefings/${id}`);
  const sharing = secretPage.getByRole("region", { name: "Sharing" });
  await sharing.getByLabel("Colleague’s name or email").fill(official.email);
  await sharing.getByLabel("Colleague’s name or email").press("Enter");
  const candidate = sharing.getByTestId("share-candidate").filter({ hasText: official.name });
  await expect(candidate).toHaveCount(1); // the search shows them; the share says why it fails
  await candidate.getByRole("button", { name: `Share with ${official.name}` }).click();
  await expect(candidate).toContainText(
    `${official.name} is cleared to OFFICIAL; this briefing includes facts marked OFFICIAL-SENSITIVE.`,
  );
  await expect(sharing).toContainText("Not shared with anyone");
  await expectAxeClean(secretPage);
});

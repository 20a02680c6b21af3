import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { createFact } from "@/db/queries/facts/create-fact";
import { getFact, type FactRecord } from "@/db/queries/facts/get-fact";
import { updateFact } from "@/db/queries/facts/update-fact";
import type { Actor } from "@/lib/auth/actor";
import type { FactInput } from "@/lib/validation/fact";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { seriousViolations, signedInPage } from "./admin-helpers";
import { actorOf, clearDraft, e2eDb, makeUser } from "./fixtures";

/*
 * "New since my last briefing" on Afghanistan, a country no other spec composes for: the
 * user's finalised briefing and the facts added and edited after it are made through the data
 * layer (finalising in the browser is not what is tested here); the page is read as the user.
 */

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A fact of the test's own about Afghanistan, quoting a seeded fact's source. */
async function factInput(admin: Actor, text: string): Promise<FactInput> {
  const seeded = await getFact({ actor: admin, id: "fact-000-01", db: e2eDb() });
  return {
    id: undefined,
    kind: "statement",
    text,
    sourceId: seeded.sourceId,
    quote: seeded.quote,
    meetingId: null,
    dateStart: "2024-05-01",
    dateEnd: "2024-05-01",
    datePrecision: "day",
    dateInferred: false,
    dateNote: null,
    partyIds: ["AF"],
    topicIds: ["afghanistan"],
    metricKey: null,
    value: null,
    unit: null,
    currency: null,
    periodLabel: null,
    approximate: false,
    rank: "normal",
    handling: "internal",
    marking: "OFFICIAL",
  };
}

async function addFact(admin: Actor, text: string): Promise<FactRecord> {
  return createFact({ actor: admin, input: await factInput(admin, text), db: e2eDb() });
}

test("facts added or changed since the user's last briefing on a country are badged and can be listed alone", async ({
  browser,
}) => {
  const { page, user: staff } = await signedInPage(browser, "staff");
  const admin = actorOf(await makeUser("admin"));
  const tag = randomUUID().slice(0, 8);
  const toChange = await addFact(admin, `E2E fact ${tag} that will be edited after the briefing.`);

  // No finalised briefing on Afghanistan yet: nothing marked, no filter offered.
  await page.goto("/briefings/new?country=AF");
  await expect(page.getByRole("heading", { name: /matching facts? about Afghanistan/ })).toBeVisible();
  await expect(page.getByTestId("since-note")).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Only new or changed since my last briefing" })).toHaveCount(0);
  await expect(page.getByTestId("since-badge")).toHaveCount(0);

  const input = newBriefingSchema.parse({ country: "AF", occasionMeeting: `Visit ${tag}` });
  const briefingId = await createBriefing({ actor: actorOf(staff), input, db: e2eDb() });
  await clearDraft(staff, briefingId);
  await finaliseBriefing({ actor: actorOf(staff), briefingId, version: 1, db: e2eDb() });
  await tick();
  await updateFact({
    actor: admin,
    id: toChange.id,
    version: toChange.version,
    input: await factInput(admin, `E2E fact ${tag} edited after the briefing.`),
    db: e2eDb(),
  });
  const added = await addFact(admin, `E2E fact ${tag} added after the briefing.`);

  await page.goto("/briefings/new?country=AF");
  const note = page.getByTestId("since-note");
  await expect(note).toContainText(/Marked: new or changed since your briefing “.+” finalised on \d{1,2} \w{3} \d{4}/);
  await expect(note.getByRole("link")).toHaveAttribute("href", `/briefings/${briefingId}`);
  const fact = (id: string) => page.locator(`[data-testid="proposed-fact"][data-fact-id="${id}"]`);
  // The badge is words ("New", "Changed"), read out with what they are measured from.
  await expect(fact(added.id).getByTestId("since-badge")).toHaveText("New since your last briefing:");
  await expect(fact(toChange.id).getByTestId("since-badge")).toHaveText("Changed since your last briefing:");
  await expect(fact(added.id)).toHaveAttribute("data-since", "new");
  await expect(fact(toChange.id)).toHaveAttribute("data-since", "changed");
  // The seeded facts, untouched since, carry none.
  const unmarked = page.locator('[data-testid="proposed-fact"]:not([data-since])');
  expect(await unmarked.count()).toBeGreaterThan(0);
  await expect(unmarked.getByTestId("since-badge")).toHaveCount(0);

  // The filter is a field of the GET form: the address keeps it, and it works without script.
  const filter = page.getByRole("checkbox", { name: "Only new or changed since my last briefing" });
  await expect(filter).not.toBeChecked();
  await filter.check();
  await page.getByRole("button", { name: "Show matching facts" }).click();
  await expect(page).toHaveURL(/[?&]since=1(&|$)/);
  await expect(page.getByRole("heading", { name: "2 new or changed facts about Afghanistan" })).toBeVisible();
  await expect(page.getByTestId("proposed-fact")).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Facts per topic" })).toHaveText("Afghanistan: 2");
  await expect(page.getByRole("checkbox", { name: "Only new or changed since my last briefing" })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(page.getByTestId("proposed-fact")).toHaveCount(2);

  // Another user's finalised briefing is not this user's: nothing marked for a colleague.
  const { page: colleague } = await signedInPage(browser, "staff");
  await colleague.goto("/briefings/new?country=AF&since=1");
  await expect(colleague.getByRole("heading", { name: /matching facts about Afghanistan/ })).toBeVisible();
  await expect(colleague.getByTestId("since-badge")).toHaveCount(0);
  await expect(colleague.getByTestId("since-note")).toHaveCount(0);
});

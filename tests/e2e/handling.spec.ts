import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { createFact } from "@/db/queries/facts/create-fact";
import { getFact, type FactRecord } from "@/db/queries/facts/get-fact";
import { updateFact } from "@/db/queries/facts/update-fact";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { ClearanceLevel, Handling, Marking } from "@/lib/model/handling";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { inputOf } from "../helpers/fact-input";
import { seriousViolations } from "./admin-helpers";
import { actorOf, e2eDb, e2eWrite, makeUser, read, signIn, uniqueAddress, type TestUser } from "./fixtures";

/*
 * Handling and marking in the browser: the admin fact form's fields, and what the composer shows
 * (each fact's badges, the totals, the minimum marking beside the Marking control). Facts marked
 * above OFFICIAL are only ever made for users whose clearance level is raised to see them.
 */

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

/** A fresh user cleared to `level` (set in the database, as an administrator would). */
async function clearedUser(role: "admin" | "staff", level: ClearanceLevel): Promise<TestUser> {
  const user = await makeUser(role);
  await e2eWrite((tx) => tx.update(s.users).set({ clearanceLevel: level }).where(eq(s.users.id, user.id)));
  return { ...user, clearanceLevel: level };
}

/** A fact of the test's own about Kazakhstan in one topic, quoting a seeded fact's source. */
async function addFact(
  admin: Actor,
  text: string,
  topic: string,
  handling: Handling,
  marking: Marking,
): Promise<FactRecord> {
  const seeded = await getFact({ actor: admin, id: "fact-000-01", db: e2eDb() });
  const input = inputOf(seeded, {
    id: undefined,
    version: undefined,
    kind: "statement",
    text,
    meetingId: null,
    partyIds: ["KZ"],
    topicIds: [topic],
    metricKey: null,
    value: null,
    unit: null,
    currency: null,
    periodLabel: null,
    approximate: false,
    handling,
    marking,
  });
  return createFact({ actor: admin, input, db: e2eDb() });
}

const row = (page: Page, fact: FactRecord) => page.locator(`[data-testid="composer-fact"][data-fact-id="${fact.id}"]`);
const storedMarking = async (briefingId: string) => {
  const [b] = await read(e2eDb()).select().from(s.briefings).where(eq(s.briefings.id, briefingId));
  return b.content.marking;
};

test("an admin sets a new fact's handling and marking; releasable + SECRET is refused at the marking field, nothing lost", async ({
  page,
}) => {
  const admin = await clearedUser("admin", "SECRET");
  const seeded = await getFact({ actor: actorOf(admin), id: "fact-000-01", db: e2eDb() });
  const text = `E2E handling ${randomUUID().slice(0, 8)}: a releasable fact.`;
  await signIn(page, admin);
  await page.goto(
    `/admin/facts/new?source=${encodeURIComponent(seeded.sourceId)}&quote=${encodeURIComponent(seeded.quote)}`,
  );
  await page.getByLabel("Kind").selectOption("statement");
  await page.getByLabel("Text", { exact: true }).fill(text);
  await page.getByLabel("Earliest day").fill("2024-05-01");
  await page.getByLabel("Latest day").fill("2024-05-01");
  await page.getByLabel("Precision").selectOption("day");
  await page.getByRole("group", { name: "Parties" }).getByLabel("Kazakhstan").check();
  await page.getByRole("group", { name: "Topics" }).getByLabel("Trade and investment").check();
  const handling = page.getByLabel("Handling", { exact: true });
  const marking = page.getByLabel("Marking", { exact: true });
  await expect(handling).toHaveValue("internal"); // the default
  await expect(marking).toHaveValue("OFFICIAL");
  await handling.selectOption({ label: "Releasable" });
  await marking.selectOption("SECRET");
  await page.getByRole("button", { name: "Save fact" }).click();

  await expect(page.locator("#marking-error")).toHaveText(
    "Releasable material cannot be marked SECRET: what may be shared with the counterpart is at most OFFICIAL-SENSITIVE.",
  );
  await expect(marking).toHaveAttribute("aria-invalid", "true");
  await expect(marking).toHaveAccessibleDescription(/cannot be marked SECRET/);
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue(text); // nothing lost
  await expect(handling).toHaveValue("releasable");
  expect(await read(e2eDb()).select().from(s.facts).where(eq(s.facts.text, text))).toEqual([]);

  await marking.selectOption("OFFICIAL-SENSITIVE");
  await page.getByRole("button", { name: "Save fact" }).click();
  await expect(page).toHaveURL(/\/admin\/facts\/fact-[0-9a-f-]+\?done=created/);
  const [saved] = await read(e2eDb()).select().from(s.facts).where(eq(s.facts.text, text));
  expect(saved).toMatchObject({ handling: "releasable", marking: "OFFICIAL-SENSITIVE" });
  await page.reload();
  await expect(page.getByLabel("Handling", { exact: true })).toHaveValue("releasable");
  await expect(page.getByLabel("Marking", { exact: true })).toHaveValue("OFFICIAL-SENSITIVE");

  await page.goto(`/admin/facts?q=${encodeURIComponent(text.split(":")[0])}`);
  const listed = page.getByRole("row").filter({ hasText: text });
  await expect(listed.getByTestId("handling-badge")).toHaveText("Handling: Releasable");
  await expect(listed.getByTestId("marking-badge")).toHaveText(", marking: OFFICIAL-SENSITIVE");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the composer shows each fact's handling and marking, the totals, and a minimum marking that follows the included facts", async ({
  page,
}) => {
  const admin = actorOf(await clearedUser("admin", "SECRET"));
  const staff = await clearedUser("staff", "OFFICIAL-SENSITIVE");
  const tag = `zq${randomUUID().slice(0, 8)}`;
  const fact = (n: number, topic: string, handling: Handling, marking: Marking) =>
    addFact(admin, `E2E ${tag} fact ${n}, ${handling}, ${marking}.`, topic, handling, marking);
  const tradeReleasable = await fact(1, "trade-investment", "releasable", "OFFICIAL");
  await fact(2, "trade-investment", "internal", "OFFICIAL");
  const tradeSensitive = await fact(3, "trade-investment", "not-for-disclosure", "OFFICIAL-SENSITIVE");
  const transportSensitive = await fact(4, "transport-connectivity", "releasable", "OFFICIAL-SENSITIVE");
  await fact(5, "transport-connectivity", "internal", "OFFICIAL");
  const input = newBriefingSchema.parse({
    country: "KZ",
    topics: ["trade-investment", "transport-connectivity"],
    q: tag,
    occasionMeeting: `Visit ${tag}`,
  });
  const briefingId = await createBriefing({ actor: actorOf(staff), input, db: e2eDb() });

  await signIn(page, staff);
  await page.goto(`/briefings/${briefingId}`);
  const trade = page.getByTestId("section-trade-investment");
  const transport = page.getByTestId("section-transport-connectivity");
  await expect(trade.getByTestId("composer-fact")).toHaveCount(3);
  await expect(transport.getByTestId("composer-fact")).toHaveCount(2);

  // Each fact's badges say its handling and marking in words.
  await expect(row(page, tradeSensitive).getByTestId("handling-badge")).toHaveText("Handling: Not for disclosure");
  await expect(row(page, tradeSensitive).getByTestId("marking-badge")).toHaveText(", marking: OFFICIAL-SENSITIVE");
  await expect(row(page, tradeReleasable).getByTestId("handling-badge")).toHaveText("Handling: Releasable");
  await expect(row(page, tradeReleasable).getByTestId("marking-badge")).toHaveText(", marking: OFFICIAL");

  // Everything is included at first: two OFFICIAL-SENSITIVE facts set the minimum.
  const marking = page.getByLabel("Marking");
  const minimum = page.getByTestId("marking-minimum");
  await expect(page.getByTestId("included-count")).toHaveText(
    "5 facts included: 2 releasable, 2 internal, 1 not for disclosure · highest OFFICIAL-SENSITIVE.",
  );
  await expect(trade.getByTestId("handling-totals")).toHaveText(
    "Included: 1 releasable, 1 internal, 1 not for disclosure · highest OFFICIAL-SENSITIVE",
  );
  await expect(transport.getByTestId("handling-totals")).toHaveText(
    "Included: 1 releasable, 1 internal · highest OFFICIAL-SENSITIVE",
  );
  await expect(minimum).toHaveText("At least OFFICIAL-SENSITIVE: 2 included facts are marked so.");
  await expect(marking).toHaveValue("OFFICIAL-SENSITIVE");
  await expect(marking).toHaveAccessibleDescription("At least OFFICIAL-SENSITIVE: 2 included facts are marked so.");
  await expect(marking.locator("option[value=OFFICIAL]")).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);

  // Excluding both lowers the minimum and the totals, live.
  await row(page, tradeSensitive).getByRole("checkbox").uncheck();
  await expect(minimum).toHaveText("At least OFFICIAL-SENSITIVE: 1 included fact is marked so.");
  await row(page, transportSensitive).getByRole("checkbox").uncheck();
  await expect(minimum).toHaveText("At least OFFICIAL: no included fact is marked higher.");
  await expect(marking).toHaveValue("OFFICIAL"); // the draft's own choice again
  await expect(marking.locator("option[value=OFFICIAL]")).toBeEnabled();
  await expect(page.getByTestId("included-count")).toHaveText(
    "3 facts included: 1 releasable, 2 internal · highest OFFICIAL.",
  );
  await expect(trade.getByTestId("handling-totals")).toHaveText(
    "Included: 1 releasable, 1 internal · highest OFFICIAL",
  );
  await expect(transport.getByTestId("handling-totals")).toHaveText("Included: 1 internal · highest OFFICIAL");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  expect(await storedMarking(briefingId)).toBe("OFFICIAL");

  // Including the not-for-disclosure fact again raises the shown minimum, and the save carries it.
  await row(page, tradeSensitive).getByRole("checkbox").check();
  await expect(minimum).toHaveText("At least OFFICIAL-SENSITIVE: 1 included fact is marked so.");
  await expect(marking).toHaveValue("OFFICIAL-SENSITIVE");
  await expect(marking.locator("option[value=OFFICIAL]")).toBeDisabled();
  await expect(page.getByTestId("included-count")).toHaveText(
    "4 facts included: 1 releasable, 2 internal, 1 not for disclosure · highest OFFICIAL-SENSITIVE.",
  );
  // Raising it above the minimum is the user's to choose.
  await marking.selectOption("SECRET");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  expect(await storedMarking(briefingId)).toBe("SECRET");
  await marking.selectOption("OFFICIAL-SENSITIVE");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  expect(await storedMarking(briefingId)).toBe("OFFICIAL-SENSITIVE");
});

test("a save below a fact raised since the page loaded is refused at the Marking field, saying why, and nothing typed is lost", async ({
  page,
}) => {
  const admin = actorOf(await clearedUser("admin", "SECRET"));
  const staff = await clearedUser("staff", "OFFICIAL-SENSITIVE");
  const tag = `zq${randomUUID().slice(0, 8)}`;
  const raised = await addFact(admin, `E2E ${tag} fact to be raised.`, "trade-investment", "internal", "OFFICIAL");
  const input = newBriefingSchema.parse({ country: "KZ", topics: ["trade-investment"], q: tag });
  const briefingId = await createBriefing({ actor: actorOf(staff), input, db: e2eDb() });

  await signIn(page, staff);
  await page.goto(`/briefings/${briefingId}`);
  const marking = page.getByLabel("Marking");
  await expect(marking).toHaveValue("OFFICIAL");
  await expect(row(page, raised).getByTestId("marking-badge")).toHaveText(", marking: OFFICIAL");

  // An administrator raises the fact while the composer is open: the page does not know yet.
  await updateFact({
    actor: admin,
    id: raised.id,
    version: raised.version,
    input: inputOf(raised, { marking: "OFFICIAL-SENSITIVE" }),
    db: e2eDb(),
  });
  await page.getByLabel("Purpose").fill(`Purpose ${tag}, kept through the refusal.`);
  await page.getByRole("button", { name: "Save" }).click();

  const reason =
    "The briefing includes facts marked OFFICIAL-SENSITIVE, so it cannot be marked lower than OFFICIAL-SENSITIVE.";
  await expect(page.locator("#marking-error")).toHaveText(reason);
  await expect(page.getByTestId("save-status")).toHaveText("Some fields need attention.");
  await expect(marking).toHaveAttribute("aria-invalid", "true");
  await expect(marking).toHaveAccessibleDescription(new RegExp(`${reason.slice(0, 40)}`));
  await expect(page.getByLabel("Purpose")).toHaveValue(`Purpose ${tag}, kept through the refusal.`);
  expect(await storedMarking(briefingId)).toBe("OFFICIAL");
  expect(await seriousViolations(page)).toEqual([]);

  // Raising the marking as the message says saves.
  await marking.selectOption("OFFICIAL-SENSITIVE");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  await expect(page.locator("#marking-error")).toHaveCount(0);
  expect(await storedMarking(briefingId)).toBe("OFFICIAL-SENSITIVE");
  await page.reload();
  await expect(row(page, raised).getByTestId("marking-badge")).toHaveText(", marking: OFFICIAL-SENSITIVE");
  await expect(page.getByTestId("marking-minimum")).toHaveText(
    "At least OFFICIAL-SENSITIVE: 1 included fact is marked so.",
  );
});

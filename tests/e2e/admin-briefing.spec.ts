import { expect, test } from "@playwright/test";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { signedInPage } from "./admin-helpers";
import { clearDraft, e2eDb } from "./fixtures";

test("an admin's edit to a fact shows in a new briefing, while a finalised one keeps the old text", async ({
  browser,
}) => {
  const { page: staffPage, user: staff } = await signedInPage(browser, "staff");
  const actor = {
    userId: staff.id,
    email: staff.email,
    name: staff.name,
    role: staff.role,
    clearer: false,
    clearanceLevel: "OFFICIAL" as const,
    ip: null,
  };
  const input = newBriefingSchema.parse({ country: "UZ", topics: ["visas-people"] });
  const finalId = await createBriefing({ actor, input, db: e2eDb() });
  await clearDraft(staff, finalId);
  await finaliseBriefing({ actor, briefingId: finalId, version: 1, db: e2eDb() });
  const fact = (await getBriefingView({ actor, briefingId: finalId, db: e2eDb() })).sections[0].items[0].fact!;

  const { page: admin } = await signedInPage(browser, "admin");
  await admin.goto(`/admin/facts/${fact.id}`);
  const newText = `${fact.text} (Revised by an administrator.)`;
  await admin.getByLabel("Text", { exact: true }).fill(newText);
  await admin.getByRole("button", { name: "Save fact" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();

  await staffPage.goto(`/briefings/${finalId}`);
  await expect(staffPage.getByTestId("changed-count")).toHaveText("1 fact changed since finalised.");
  await expect(staffPage.locator(`[data-testid="preview-fact"][data-fact-id="${fact.id}"] p`).first()).toContainText(
    fact.text,
  );
  await expect(staffPage.locator(`[data-testid="preview-fact"][data-fact-id="${fact.id}"]`)).not.toContainText(
    "Revised by an administrator",
  );

  const freshId = await createBriefing({ actor, input, db: e2eDb() });
  await staffPage.goto(`/briefings/${freshId}`);
  await expect(staffPage.locator(`[data-testid="composer-fact"][data-fact-id="${fact.id}"]`)).toContainText(
    "Revised by an administrator.",
  );
});

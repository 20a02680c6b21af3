import { expect, test } from "@playwright/test";
import { createBriefing } from "@/db/queries/briefings";
import { getBriefingView } from "@/db/queries/briefing-view";
import { finaliseBriefing } from "@/db/queries/briefing-lifecycle";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { signedInPage } from "./admin-helpers";
import { e2eDb } from "./fixtures";

test("an admin's edit to a fact shows in a new briefing, while a finalised one keeps the old text", async ({
  browser,
}) => {
  const { page: staffPage, user: staff } = await signedInPage(browser, "staff");
  const actor = { userId: staff.id, email: staff.email, name: staff.name, role: staff.role, ip: null };
  const input = newBriefingSchema.parse({ country: "UZ", topics: ["visas-people"] });
  const finalId = createBriefing({ actor, input, db: e2eDb() });
  finaliseBriefing({ actor, briefingId: finalId, version: 1, db: e2eDb() });
  const fact = getBriefingView({ actor, briefingId: finalId, db: e2eDb() }).sections[0].items[0].fact!;

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

  const freshId = createBriefing({ actor, input, db: e2eDb() });
  await staffPage.goto(`/briefings/${freshId}`);
  await expect(staffPage.locator(`[data-testid="composer-fact"][data-fact-id="${fact.id}"]`)).toContainText(
    "Revised by an administrator.",
  );
});

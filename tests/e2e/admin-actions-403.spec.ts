import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { e2eDb, uniqueAddress, read } from "./fixtures";
import { captureActionPost, cookieHeader, replayAs, signedInPage } from "./admin-helpers";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

/** The admin's click is captured (and never reaches the server), then replayed with the staff cookie and with none. */
async function refusedForStaff(admin: Page, staff: Page, url: string, glob: string, click: () => Promise<void>) {
  await admin.goto(url);
  const captured = await captureActionPost(admin, glob, click);
  expect(await replayAs(staff, captured, await cookieHeader(staff)), url).toBe(403);
  expect(await replayAs(staff, captured, ""), url).toBe(401);
}

test("every other admin action posted directly by staff is refused and changes nothing", async ({ browser }) => {
  const { page: admin } = await signedInPage(browser, "admin");
  const { page: staff } = await signedInPage(browser, "staff");
  const auditCount = async () =>
    (await read(e2eDb()).select().from(s.auditLog)).filter((r) => r.entity !== "session" && r.entity !== "user").length;
  const audits = await auditCount();

  await refusedForStaff(admin, staff, "/admin/facts/fact-002-03", "**/admin/facts/fact-002-03", () =>
    admin.getByRole("button", { name: "Move to trash" }).click(),
  );
  await refusedForStaff(admin, staff, "/admin/sources/src-004", "**/admin/sources/src-004", () =>
    admin.getByRole("button", { name: "Delete source" }).click(),
  );
  await refusedForStaff(admin, staff, "/admin/parties/TM", "**/admin/parties/TM", () =>
    admin.getByRole("button", { name: "Save party" }).click(),
  );
  await refusedForStaff(admin, staff, "/admin/parties/TM", "**/admin/parties/TM", () =>
    admin.getByRole("button", { name: "Delete party" }).click(),
  );
  await refusedForStaff(admin, staff, "/admin/meetings/new", "**/admin/meetings/new", async () => {
    await admin.getByLabel("Name", { exact: true }).fill("Staff meeting");
    await admin.getByRole("button", { name: "Save meeting" }).click();
  });
  const person = (await read(e2eDb()).select().from(s.people).limit(1))[0]!;
  await refusedForStaff(admin, staff, `/admin/people/${person.id}`, `**/admin/people/${person.id}`, async () => {
    const roles = admin.getByRole("region", { name: "Roles over time" });
    await roles.locator("#new-role-title").fill("Staff role");
    await roles.getByRole("button", { name: "Add role" }).click();
  });

  expect(
    (await read(e2eDb()).select().from(s.facts).where(eq(s.facts.id, "fact-002-03")).limit(1))[0]!.deletedAt,
  ).toBeNull();
  expect(
    (await read(e2eDb()).select().from(s.meetings).where(eq(s.meetings.name, "Staff meeting")).limit(1))[0],
  ).toBeUndefined();
  expect(await auditCount()).toBe(audits);
});

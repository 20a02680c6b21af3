import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { clearDraft, e2eDb, makeUser, signIn, uniqueAddress, type TestUser } from "./fixtures";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

const actorOf = (user: TestUser) => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  clearer: false,
  clearanceLevel: "OFFICIAL" as const,
  ip: null,
});

function briefingFor(user: TestUser, topics: string[] = []) {
  return createBriefing({
    actor: actorOf(user),
    input: newBriefingSchema.parse({ country: "KZ", topics }),
    db: e2eDb(),
  });
}

function pdfText(pdf: Buffer, firstPage = 1): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chancery-pdf-")), "b.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-f", String(firstPage), "-layout", file, "-"], { encoding: "utf8" });
}
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

test("the PDF route answers 401 without a session and 404 for someone else's briefing", async ({
  page,
  browser,
  baseURL,
}) => {
  const owner = await makeUser("staff");
  const id = await briefingFor(owner);
  const anonymous = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() },
  });
  expect((await anonymous.get(`/briefings/${id}/pdf`)).status()).toBe(401);
  await signIn(page, await makeUser("staff"));
  expect((await page.request.get(`/briefings/${id}/pdf`)).status()).toBe(404);
  const admin = await (
    await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })
  ).newPage();
  await signIn(admin, await makeUser("admin")); // admins do not see others' briefings either
  expect((await admin.request.get(`/briefings/${id}/pdf`)).status()).toBe(404);
});

test("the owner downloads a PDF with the right headers, and it prints the preview's sections and facts in order", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const owner = await makeUser("staff");
  const id = await briefingFor(owner, ["trade-investment", "transport-connectivity", "security"]);
  // Finalised, so no DRAFT watermark letters interleave with the extracted text.
  await clearDraft(owner, id);
  await finaliseBriefing({ actor: actorOf(owner), briefingId: id, version: 1, db: e2eDb() });
  await signIn(page, owner);
  const response = await page.request.get(`/briefings/${id}/pdf`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-disposition"]).toMatch(
    /^attachment; filename="kazakhstan-briefing-\d{4}-\d{2}-\d{2}-r1\.pdf"; filename\*=UTF-8''kazakhstan-briefing-/,
  );
  const again = await page.request.get(`/briefings/${id}/pdf`); // finalised: served from the content cache
  expect(Buffer.compare(await again.body(), await response.body())).toBe(0);
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  await page.goto(`/briefings/${id}/preview`);
  const titles = await page.getByTestId("preview-section").locator("h2").allTextContents();
  const facts = (await page.getByTestId("preview-fact").locator("p").first().allTextContents()).length;
  expect(facts).toBeGreaterThan(0);
  const body = squash(pdfText(pdf, 3)); // after the cover and the contents page
  let at = -1;
  for (const title of titles) {
    const found = body.indexOf(title, at + 1);
    expect(found, `section "${title}" after position ${at}`).toBeGreaterThan(at);
    at = found;
  }
  const factTexts = await page
    .getByTestId("preview-fact")
    .evaluateAll((els) => els.map((e) => e.querySelector("p")!.childNodes[0].textContent!.trim()));
  for (const text of factTexts) expect(body).toContain(squash(text).slice(0, 60));
});

test("the download button shows the render and saves the file under the server's name", async ({ page }) => {
  const owner = await makeUser("staff");
  const id = await briefingFor(owner, ["health"]);
  await signIn(page, owner);
  await page.goto(`/briefings/${id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kazakhstan-briefing-\d{4}-\d{2}-\d{2}-r1\.pdf$/);
  await expect(page.getByRole("status").filter({ hasText: "PDF downloaded." })).toBeVisible();
});

test("the download button waits out a busy PDF service by itself and then downloads", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await makeUser("admin"); // the pool hook is for administrators
  const id = await briefingFor(admin, ["health"]);
  await signIn(page, admin);
  await page.goto(`/briefings/${id}`);
  expect((await page.request.post("/api/test-hooks/pdf-pool?action=stop")).status()).toBe(200);
  let restarted = false;
  try {
    const download = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Download PDF" }).click();
    // A stopped pool answers 503 with Retry-After: 5; the button says so and waits.
    await expect(
      page.getByRole("status").filter({ hasText: "The PDF service is busy; trying again in 5 seconds…" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Rendering PDF…" })).toBeDisabled();
    restarted = (await page.request.post("/api/test-hooks/pdf-pool?action=restart")).status() === 200;
    expect(restarted).toBe(true);
    expect((await download).suggestedFilename()).toMatch(/^kazakhstan-briefing-\d{4}-\d{2}-\d{2}-r1\.pdf$/);
    await expect(page.getByRole("status").filter({ hasText: "PDF downloaded." })).toBeVisible();
  } finally {
    if (!restarted) await page.request.post("/api/test-hooks/pdf-pool?action=restart");
  }
  await expect.poll(async () => (await page.request.get("/api/ready")).status(), { timeout: 60_000 }).toBe(200);
});

test("leaving the page while the button waits out a busy PDF service downloads nothing later", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await makeUser("admin");
  const id = await briefingFor(admin, ["health"]);
  await signIn(page, admin);
  await page.goto(`/briefings/${id}`);
  let downloads = 0;
  page.on("download", () => downloads++);
  expect((await page.request.post("/api/test-hooks/pdf-pool?action=stop")).status()).toBe(200);
  let restarted = false;
  try {
    await page.getByRole("button", { name: "Download PDF" }).click();
    await expect(page.getByRole("status").filter({ hasText: "trying again in 5 seconds…" })).toBeVisible();
    // A client-side navigation: the button unmounts, the page's script lives on.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My briefings" }).click();
    await expect(page).toHaveURL(/\/briefings$/);
    restarted = (await page.request.post("/api/test-hooks/pdf-pool?action=restart")).status() === 200;
    expect(restarted).toBe(true);
  } finally {
    if (!restarted) await page.request.post("/api/test-hooks/pdf-pool?action=restart");
  }
  await expect.poll(async () => (await page.request.get("/api/ready")).status(), { timeout: 60_000 }).toBe(200);
  // Longer than two of the button's waits: a retry still running would have fetched the file by now.
  await page.waitForTimeout(11_000);
  expect(downloads).toBe(0);
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { captureActionPost, cookieHeader, signedInPage } from "./admin-helpers";

const MB = 1024 * 1024;

function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chancery-size-")), name);
  fs.writeFileSync(file, content);
  return file;
}

/** The current fact base as a file of about `size` bytes: JSON allows any whitespace after the document. */
async function exportPaddedTo(page: Page, size: number): Promise<string> {
  const text = await (await page.request.get("/admin/export")).text();
  return writeTemp("padded.json", text + " ".repeat(Math.max(0, size - Buffer.byteLength(text))));
}

test("an import past Next's default 1 MB action limit, within the import's 20 MB, is accepted", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  const file = await exportPaddedTo(page, 15 * MB); // past the proxy's 10 MB default too
  await page.goto("/admin/import");
  await page.getByLabel("Fact base file (JSON)").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-counts")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Imported.");
});

test("a file over 20 MB is refused at the field before anything is sent", async ({ browser }) => {
  const { page } = await signedInPage(browser, "admin");
  const file = await exportPaddedTo(page, 21 * MB);
  await page.goto("/admin/import");
  let posted = false;
  page.on("request", (r) => (posted ||= r.method() === "POST"));
  await page.getByLabel("Fact base file (JSON)").setInputFiles(file);
  await expect(page.locator("#file-error")).toHaveText("The file is too large (21 MB): at most 20 MB can be imported.");
  await expect(page.getByLabel("Fact base file (JSON)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: "Import" })).toBeDisabled();
  expect(posted).toBe(false);
});

test("a body over the limit is answered 413 with a message, and the form shows it instead of failing", async ({
  browser,
}) => {
  const { page } = await signedInPage(browser, "admin");
  // Straight to the server: the real action's request, its body grown past 21 MB.
  await page.goto("/admin/import");
  await page.getByLabel("Fact base file (JSON)").setInputFiles(writeTemp("small.json", "{}"));
  const captured = await captureActionPost(page, "**/admin/import", () =>
    page.getByRole("button", { name: "Import" }).click(),
  );
  const body = Buffer.concat([captured.body, Buffer.alloc(22 * MB, " ")]);
  // The captured length is the small body's; Playwright sets the new one.
  const headers = Object.fromEntries(Object.entries(captured.headers).filter(([name]) => name !== "content-length"));
  headers.cookie = await cookieHeader(page);
  const response = await page.request.post(captured.url, { headers, data: body, maxRedirects: 0 });
  expect(response.status()).toBe(413);
  expect(await response.text()).toBe("The request is too large: at most 21 MB can be sent here at once.");

  // Through the form: 8 MB of bytes that are not UTF-8 read as 8 million U+FFFD, 24 MB once sent.
  await page.goto("/admin/import");
  await page.getByLabel("Fact base file (JSON)").setInputFiles(writeTemp("binary.json", Buffer.alloc(8 * MB, 0xff)));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "The request is too large: at most 21 MB can be sent here at once.",
  );
  await expect(page.getByRole("heading", { name: "Import and export" })).toBeVisible();
});

import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./admin-helpers";
import { makeUser, signIn, uniqueAddress } from "./fixtures";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

/** The e2e server's JSON log lines (playwright.config.ts tees them into data/e2e/server.log). */
function logLines(): Record<string, unknown>[] {
  return fs
    .readFileSync("data/e2e/server.log", "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("an unexpected error shows the error page with a reference that finds its JSON log line", async ({ page }) => {
  await signIn(page, await makeUser("staff"));
  const response = await page.goto("/test-hooks/error");
  expect(response?.status()).toBe(500);
  const requestId = response?.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Something went wrong on our side" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Signed in as" })).toHaveCount(0); // no internals, no stack
  await expect(page.getByText("Induced by the error-page test hook")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  const reference = (await page.getByTestId("error-reference").textContent())!.trim();
  expect(reference).not.toBe("");
  await expect.poll(() => logLines().filter((l) => l.digest === reference).length).toBe(1);
  const line = logLines().find((l) => l.digest === reference)!;
  expect(line).toMatchObject({
    level: "error",
    msg: "request failed",
    requestId,
    path: "/test-hooks/error",
    service: "chancery",
  });
});

test("a failing route handler answers 500 without internals and logs one JSON line with request, user, route, status and time", async ({
  page,
}) => {
  const user = await makeUser("staff");
  await signIn(page, user);
  const response = await page.request.get("/api/test-hooks/route-error");
  expect(response.status()).toBe(500);
  expect(await response.json()).toEqual({ error: "Something went wrong on our side." });
  const requestId = response.headers()["x-request-id"];
  await expect.poll(() => logLines().filter((l) => l.requestId === requestId).length).toBe(1);
  const line = logLines().find((l) => l.requestId === requestId)!;
  expect(line).toMatchObject({
    level: "error",
    msg: "route failed",
    kind: "route",
    userId: user.id,
    route: "GET /api/test-hooks/route-error",
    status: 500,
  });
  expect(typeof line.durationMs).toBe("number");
});

test("readiness reports the PDF threads and the migrations, and answers 503 while the pool is stopped", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await expect.poll(async () => (await request.get("/api/ready")).status(), { timeout: 60_000 }).toBe(200);
  const ready = await (await request.get("/api/ready")).json();
  expect(ready).toMatchObject({ ready: true, problems: [], database: { ok: true, migrations: { pending: 0 } } });
  expect(ready.pdf.loaded).toBe(ready.pdf.threads);

  await signIn(page, await makeUser("admin"));
  try {
    expect((await page.request.post("/api/test-hooks/pdf-pool?action=stop")).status()).toBe(200);
    const stopped = await request.get("/api/ready");
    expect(stopped.status()).toBe(503);
    expect((await stopped.json()).problems).toEqual(["PDF render pool stopped"]);
    expect((await request.get("/api/health")).status()).toBe(200); // liveness is not readiness
  } finally {
    expect((await page.request.post("/api/test-hooks/pdf-pool?action=restart")).status()).toBe(200);
  }
  await expect.poll(async () => (await request.get("/api/ready")).status(), { timeout: 60_000 }).toBe(200);
});

test("a staff member cannot use the pool hook", async ({ page }) => {
  await signIn(page, await makeUser("staff"));
  expect((await page.request.post("/api/test-hooks/pdf-pool?action=stop")).status()).toBe(403);
});

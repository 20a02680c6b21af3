import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { makeUser, signIn, uniqueAddress, type TestUser } from "./fixtures";

/** A page in a context of its own, signed in as a fresh user of the role (`opts`: the clearer role, a clearance level). */
export async function signedInPage(
  browser: Browser,
  role: "admin" | "staff",
  opts: Parameters<typeof makeUser>[1] = {},
): Promise<{ page: Page; user: TestUser }> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  const page = await context.newPage();
  const user = await makeUser(role, opts);
  await signIn(page, user);
  return { page, user };
}

/** Serious or critical axe violations on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // After an action the page is re-rendered from the server; let that settle (its <title>
  // included) so axe judges the page, not a moment of the update.
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveTitle(/\S/);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

/**
 * Lets `trigger` send a server-action POST to `urlGlob`, captures it without letting it
 * through, and returns it for replaying with another user's cookie.
 */
export async function captureActionPost(page: Page, urlGlob: string, trigger: () => Promise<void>) {
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route(urlGlob, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = {
      url: route.request().url(),
      headers: route.request().headers(),
      body: route.request().postDataBuffer()!,
    };
    await route.abort();
  });
  await trigger();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute(urlGlob);
  return captured!;
}

/** Replays a captured action POST with `cookie` instead of the original one; returns the status. */
export async function replayAs(
  page: Page,
  captured: Awaited<ReturnType<typeof captureActionPost>>,
  cookie: string,
): Promise<number> {
  const { cookie: _original, ...headers } = captured.headers;
  const response = await page.request.post(captured.url, { headers: { ...headers, cookie }, data: captured.body });
  return response.status();
}

export async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

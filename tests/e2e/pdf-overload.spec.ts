import os from "node:os";
import { and, eq } from "drizzle-orm";
import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { auditLog, briefingItems } from "@/db/schema";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { e2eDb, e2eWrite, makeUser, read, signIn, uniqueAddress, type TestUser } from "./fixtures";

const actorOf = (user: TestUser) => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  clearer: false,
  clearanceLevel: "OFFICIAL" as const,
  ip: null,
});

/** Every Kazakhstan fact, each with a long note: a draft printed in two parts (3 render places). */
async function largeDraftFor(user: TestUser): Promise<string> {
  const db = e2eDb();
  const id = await createBriefing({
    actor: actorOf(user),
    input: newBriefingSchema.parse({ country: "KZ", topics: [] }),
    db,
  });
  const note = "A long note on this fact, written for the overload test so the briefing prints many pages. ".repeat(10);
  await e2eWrite((tx) => tx.update(briefingItems).set({ note }).where(eq(briefingItems.briefingId, id)));
  return id;
}

/** A signed-in page of its own (own cookies, own address) for a fresh staff user, with a large draft. */
async function signedInOwner(browser: Browser): Promise<{ page: Page; url: string }> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  const page = await context.newPage();
  const user = await makeUser("staff");
  const url = `/briefings/${await largeDraftFor(user)}/pdf`;
  await signIn(page, user);
  return { page, url };
}

test("more concurrent downloads than the pool admits get 200, 429 or 503, every refusal with Retry-After", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The server's pool (defaults): one thread per core, threads × 5 places, 3 per large draft,
  // 2 renders per user. Enough users that their admissible requests outnumber the places.
  const admittedAtOnce = Math.floor((os.availableParallelism() * 5) / 3);
  const owners = await Promise.all(
    Array.from({ length: Math.ceil(admittedAtOnce / 2) + 2 }, () => signedInOwner(browser)),
  );
  const [first, ...others] = owners;
  // A busy request thread would refuse the user's third request with 503 before its 429 (the
  // load rule, lib/pdf/pool.ts maxRequestThreadLoad): start once the sign-ins have settled.
  await expect
    .poll(async () => (await (await first.page.request.get("/api/ready")).json()).pdf.requestThreadLoad, {
      timeout: 30_000,
    })
    .toBeLessThan(0.5);
  // The first user asks three times at once: two are admitted and render for seconds, so the
  // third is refused at once for the user's limit, before anything else settles.
  const firstUsers = [1, 2, 3].map(() => first.page.request.get(first.url));
  await Promise.race(firstUsers);
  const everyoneElse = others.flatMap((o) => [1, 2, 3].map(() => o.page.request.get(o.url)));
  const responses: APIResponse[] = await Promise.all([...firstUsers, ...everyoneElse]);

  const statuses = responses.map((r) => r.status());
  const counts = Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length]));
  test.info().annotations.push({ type: "statuses", description: JSON.stringify(counts) });
  expect(
    statuses.filter((s) => ![200, 429, 503].includes(s)),
    JSON.stringify(counts),
  ).toEqual([]);
  expect(statuses).toContain(200);
  expect(statuses).toContain(429);
  expect(statuses).toContain(503); // the route sees the busy pool that instrumentation.ts made, and says so
  for (const response of responses) {
    if (response.status() === 200) {
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
      continue;
    }
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await response.json()).error).toMatch(/PDF/);
  }
});

test("HEAD on a PDF answers the headers only: nothing rendered, no download audited", async ({ browser }) => {
  const { page, url } = await signedInOwner(browser);
  const id = url.split("/")[2];
  const head = await page.request.head(url);
  expect(head.status()).toBe(200);
  expect(head.headers()["content-type"]).toBe("application/pdf");
  expect(head.headers()["content-disposition"]).toMatch(
    /^attachment; filename="kazakhstan-briefing-\d{4}-\d{2}-\d{2}-r1\.pdf"/,
  );
  expect((await head.body()).length).toBe(0);
  const downloads = async () =>
    (
      await read(e2eDb())
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "briefing.downloaded"), eq(auditLog.entityId, id)))
    ).length;
  expect(await downloads()).toBe(0);

  const other = await signedInOwner(browser); // someone else's briefing is still a 404
  expect((await other.page.request.head(url)).status()).toBe(404);
});

import { expect, test } from "@playwright/test";
import { makeUser, signIn, uniqueAddress } from "./fixtures";

test("pages carry the security headers, and the session cookie is HttpOnly and SameSite=Lax", async ({
  page,
  context,
}) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();

  await signIn(page, await makeUser("staff"));
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // Served over plain http in the test; over https next-auth uses the __Secure- prefix and the Secure flag.
  expect(session!.secure).toBe(false);
  expect(session!.expires).toBeGreaterThan(Date.now() / 1000 + 7 * 3600);
  expect(session!.expires).toBeLessThan(Date.now() / 1000 + 8 * 3600 + 60);
});

import http from "node:http";
import { expect, test } from "@playwright/test";
import { makeUser, signIn, uniqueAddress } from "./fixtures";

/**
 * Bodies Next cannot take must get a clear status from us, never its 500: a form that does
 * not parse (400), a body without a declared length (411), one over the limit for its sender
 * and page (413) — and a request without a session may only be small (the sign-in form).
 */
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
});

const MB = 1024 * 1024;

test("a malformed multipart body is a 400, on any page, signed in or not", async ({ request, baseURL }) => {
  for (const path of ["/", "/sign-in", "/admin", "/nowhere"]) {
    const response = await request.post(path, {
      headers: {
        origin: baseURL!,
        "content-type": "multipart/form-data; boundary=xyz",
        "x-forwarded-for": uniqueAddress(),
      },
      data: Buffer.from("garbage that is not multipart"),
      maxRedirects: 0,
    });
    expect({ path, status: response.status() }).toEqual({ path, status: 400 });
    expect(await response.text()).toBe("The form data could not be read. Reload the page and send the form again.");
  }
});

test("a chunked body without a length is a 411", async ({ baseURL }) => {
  const url = new URL("/sign-in", baseURL);
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        headers: {
          origin: baseURL!,
          "content-type": "multipart/form-data; boundary=xyz",
          "transfer-encoding": "chunked",
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    for (let i = 0; i < 4; i++) req.write(Buffer.alloc(64 * 1024, "x"));
    req.end();
  });
  expect(status).toBe(411);
});

test("without a session only a small body is taken; signed in, a large one only where a form needs it", async ({
  request,
  page,
  baseURL,
}) => {
  const post = (path: string, bytes: number, cookie?: string) =>
    request.post(path, {
      headers: {
        origin: baseURL!,
        "content-type": "text/plain",
        "x-forwarded-for": uniqueAddress(),
        ...(cookie ? { cookie } : {}),
      },
      data: Buffer.alloc(bytes, "x"),
      maxRedirects: 0,
    });
  const anonymous = await post("/sign-in", 1 * MB);
  expect(anonymous.status()).toBe(413);
  expect(await anonymous.text()).toBe("The request is too large: at most 64 KB can be sent here at once.");

  await signIn(page, await makeUser("staff"));
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await post("/briefings", 8 * MB, cookie)).status()).toBe(413); // a briefing's limit is 7 MB
  expect((await post("/admin/import", 8 * MB, cookie)).status()).not.toBe(413); // the import page takes 21 MB
});

/**
 * Server actions posted the way Next's client posts them: a `Next-Action` header naming the
 * action and a body encoded by React's own `encodeReply` (the same module Next's client
 * uses, so the encoding cannot drift from the server's decoder). Action ids come from the
 * build's server-reference manifest, by file and export name.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const manifestSchema = z.object({
  node: z.record(z.string(), z.object({ filename: z.string().optional(), exportedName: z.string().optional() })),
});

/** The id of the server action exported as `exportedName` from `filename` (e.g. "app/briefings/actions.ts"). */
export function actionId(buildDir: string, filename: string, exportedName: string): string {
  const file = path.join(buildDir, "server", "server-reference-manifest.json");
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const found = Object.entries(manifest.node).find(
    ([, ref]) => ref.filename === filename && ref.exportedName === exportedName,
  );
  if (!found) throw new Error(`No server action ${exportedName} from ${filename} in ${file}; rebuild with --build.`);
  return found[0];
}

/**
 * Posts a form action that takes (previous state, form data), as `useActionState` calls it,
 * to the page that renders its form. Redirects are not followed: a sign-in answers with one.
 */
export async function postFormAction({
  baseUrl,
  page,
  id,
  fields,
  cookie,
  timeoutMs,
}: {
  baseUrl: string;
  page: string;
  id: string;
  fields: Record<string, string>;
  cookie?: string;
  timeoutMs: number;
}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const body = await encodeReply([null, form]);
  return fetch(`${baseUrl}${page}`, {
    method: "POST",
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      Origin: baseUrl, // the proxy refuses action posts from a foreign origin
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
}

/** The cookies a response sets, as one Cookie header value. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * The status an action reports inside a 200 answer: the guard returns `{ ok: false, status }`
 * for a refusal (409 for a stale version, 500 for an unexpected error). Null when it succeeded.
 */
export function refusedStatus(rscBody: string): number | null {
  const match = /"ok":false,"status":(\d{3})/.exec(rscBody);
  return match ? Number(match[1]) : null;
}

/** Signs a user in through the sign-in page's action; returns the session cookie. */
export async function signIn({
  baseUrl,
  id,
  email,
  password,
}: {
  baseUrl: string;
  id: string;
  email: string;
  password: string;
}): Promise<string> {
  const response = await postFormAction({
    baseUrl,
    page: "/sign-in",
    id,
    fields: { email, password, callbackUrl: "/briefings" },
    timeoutMs: 30_000,
  });
  const cookie = cookiesOf(response);
  if (!cookie.includes("session-token")) {
    throw new Error(
      `Sign-in of ${email} set no session cookie (status ${response.status}): ${(await response.text()).slice(0, 300)}`,
    );
  }
  return cookie;
}

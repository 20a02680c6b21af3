import { NextResponse, type NextRequest } from "next/server";
import { signInPath } from "@/lib/auth/callback-url";
import { bodyLimitFor, formatMegabytes } from "@/lib/validation/body-size";

/**
 * Runs before every request. It only (1) sets a per-request CSP nonce and security headers,
 * (2) refuses a write (any method but GET and HEAD) sent from another site (403) or larger
 * than a server action may take (413), and (3) sends page requests that
 * carry no session cookie to the sign-in page. It is never the authorisation check: pages,
 * actions and route handlers verify the session against the database themselves.
 */
const PUBLIC_PAGES = ["/sign-in"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/**
 * A request another site made the browser send: its Origin names another host (or is the
 * opaque "null"), or, when a browser sends no Origin, Sec-Fetch-Site says cross-site. Our
 * own pages post with our own Origin; scripts and tools without these headers are not a
 * browser carrying someone's cookie, so they pass.
 */
function fromForeignSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site";
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}

function refusal(status: number, message: string): NextResponse {
  // Exactly "text/plain": Next's client shows such a body as the error of a failed action.
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain" } });
}

/**
 * A write's body, checked before Next reads it (Next answers 500 for a body over its limit or
 * a form it cannot parse): a size it declares (411 without one: a browser always sends it),
 * within the limit for its sender and page (413), and form data that parses (400).
 */
async function bodyRefusal(request: NextRequest, signedIn: boolean): Promise<NextResponse | null> {
  const declared = request.headers.get("content-length");
  if (declared === null) {
    return request.headers.has("transfer-encoding")
      ? refusal(411, "Send the request with its length (Content-Length).")
      : null;
  }
  const limit = bodyLimitFor({ pathname: request.nextUrl.pathname, signedIn });
  if (Number(declared) > limit)
    return refusal(413, `The request is too large: at most ${formatMegabytes(limit)} can be sent here at once.`);
  const type = request.headers.get("content-type") ?? "";
  if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
    try {
      await request.clone().formData();
    } catch {
      return refusal(400, "The form data could not be read. Reload the page and send the form again.");
    }
  }
  return null;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (!SAFE_METHODS.has(request.method)) {
    // Every write, server actions and next-auth's routes included, comes from our own pages.
    if (fromForeignSite(request)) return refusal(403, "Cross-origin request refused.");
    const refused = await bodyRefusal(request, hasSession);
    if (refused) return refused;
  }

  const isApi = pathname.startsWith("/api/");
  const isPublic = PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  // Only a browser navigation (it accepts HTML) is sent to the sign-in page; anything else —
  // a fetch, a download, a script — reaches its route handler, which answers 401 itself.
  const wantsPage = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
  if (!isApi && !isPublic && !hasSession && wantsPage) {
    return NextResponse.redirect(new URL(signInPath(pathname + search), request.url));
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The path, for log lines of server actions (app/_request/request-info.ts), which see no URL.
  requestHeaders.set("x-request-path", pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Static assets need neither a nonce nor a session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

import { NextResponse, type NextRequest } from "next/server";
import { signInPath } from "@/lib/auth/callback-url";

/**
 * Runs before every request. It only (1) sets a per-request CSP nonce and security headers,
 * (2) refuses a server-action POST from a foreign origin, and (3) sends page requests that
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

function foreignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  if (request.method === "POST" && request.headers.has("next-action") && foreignOrigin(request)) {
    return new NextResponse("Cross-origin request refused.", { status: 403, headers: { "Content-Type": "text/plain" } });
  }

  const isApi = pathname.startsWith("/api/");
  const isPublic = PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Static assets need neither a nonce nor a session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

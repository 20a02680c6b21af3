/**
 * The client's address, for throttling and the audit log. `npm start` (server.mjs) overwrites
 * `X-Forwarded-For` with the one address it trusts — the socket's, or what the configured
 * proxies added — so the first entry here is never one a client chose. (Under `next dev` or
 * a bare `next start` the header is whatever the client sent: neither is for deployment.)
 */
export function clientIp(headers: Headers): string | null {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first || null;
}

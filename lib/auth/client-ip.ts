/**
 * The client's address as Next passes it on (x-forwarded-for, set from the socket when no
 * proxy set it). Behind a reverse proxy, the proxy must overwrite the header, not append.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || headers.get("x-real-ip") || null;
}

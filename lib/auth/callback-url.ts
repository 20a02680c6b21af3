/**
 * Where to go after signing in: only a path on our own origin. Absolute URLs,
 * protocol-relative ("//evil.example") and backslash tricks ("/\evil.example", which
 * browsers read as "//") all fall back to the home page.
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//")) return "/";
  // Backslashes and control characters are refused outright.
  if (/[\\\u0000-\u001F\u007F]/.test(raw)) return "/";
  const base = "http://chancery.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base || url.pathname.startsWith("/sign-in")) return "/";
  return url.pathname + url.search + url.hash;
}

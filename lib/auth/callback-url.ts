import { z } from "zod";
import { firstParam } from "@/lib/validation/list-query";

/**
 * Where to go after signing in: only a path on our own origin, else the home page.
 *
 * The check runs on what the URL parser makes of the input, not on the raw text: the parser
 * collapses dot segments ("/.//evil.example" becomes "//evil.example", which a browser reads
 * as another host), strips tabs and newlines, and turns "\" into "/". So: parse against a
 * placeholder origin, require the origin to be unchanged, and refuse a result that starts
 * with "//" or "/\" or that carries a backslash or control character — also once
 * percent-decoded, since a server or proxy further on may decode it ("%5c", "%2f%2f").
 */
const PLACEHOLDER_ORIGIN = "http://chancery.invalid";
const MAX_LENGTH = 2000;
const HOME = "/";

/** Decodes percent escapes of ASCII characters only (enough to reveal "/", "\" and controls); never throws. */
function decodeAscii(text: string): string {
  return text.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function looksOffSite(path: string): boolean {
  return path.startsWith("//") || path.startsWith("/\\") || /[\\\u0000-\u001F\u007F]/.test(path);
}

function isSignInPage(pathname: string): boolean {
  const lower = pathname.toLowerCase();
  return lower === "/sign-in" || lower.startsWith("/sign-in/");
}

export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.length > MAX_LENGTH) return HOME;
  // The parser would silently drop these; refuse the input rather than guess what was meant.
  if (/[\\\u0000-\u001F\u007F]/.test(raw)) return HOME;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return HOME;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return HOME;
  const path = url.pathname + url.search + url.hash;
  if (looksOffSite(path)) return HOME;
  // Decoded up to three times: "%255c" is "%5c" once decoded, and "\" twice.
  let decoded = path;
  for (let round = 0; round < 3; round++) {
    decoded = decodeAscii(decoded);
    if (looksOffSite(decoded)) return HOME;
  }
  if (isSignInPage(url.pathname) || isSignInPage(decodeAscii(url.pathname))) return HOME;
  return path;
}

/** The sign-in page, coming back to `path` afterwards (home when `path` is not a safe return path). */
export function signInPath(path: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`;
}

/** The sign-in page's query: `callbackUrl` as one safe path (the first of a repeated key; home when unusable). */
export const signInQuerySchema = z.object({
  callbackUrl: z.preprocess(firstParam, z.string().optional().catch(undefined)).transform(safeCallbackPath),
});

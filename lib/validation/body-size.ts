/**
 * How much one request may carry, in bytes. Next caps a server action's body at 1 MB unless
 * told otherwise, and its proxy reads at most 10 MB of a body (it silently cuts the rest), so
 * both are raised in next.config.mjs to this limit: the largest thing an action takes, an
 * import file at its limit, plus the form's few fields. tests/unit/body-size.test.ts checks
 * that next.config.mjs and every schema agree with it. proxy.ts refuses a larger body with 413.
 */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const ACTION_BODY_LIMIT_BYTES = IMPORT_MAX_BYTES + 1024 * 1024;

/**
 * The limit for one request's body by who sends it and where, so the import's 21 MB is not
 * every request's: without a session only the sign-in form can be posted (64 KB is ample);
 * the import page takes a whole fact-base file; every other form at most a briefing, whose
 * payload is at most 2,000,000 characters (6 MB of UTF-8) plus its fields.
 */
export const ANONYMOUS_BODY_LIMIT_BYTES = 64 * 1024;
export const FORM_BODY_LIMIT_BYTES = 7 * 1024 * 1024;
export const IMPORT_PATH = "/admin/import";

export function bodyLimitFor({ pathname, signedIn }: { pathname: string; signedIn: boolean }): number {
  if (!signedIn) return ANONYMOUS_BODY_LIMIT_BYTES;
  if (pathname === IMPORT_PATH) return ACTION_BODY_LIMIT_BYTES;
  return FORM_BODY_LIMIT_BYTES;
}

/** "20 MB", "1.5 MB": a size as people read it (MB of 1,048,576 bytes, as browsers and Next count). */
export function formatMegabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The UTF-8 size of a string without encoding it (a JavaScript string counts UTF-16 units). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point past U+FFFF
      i++;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate (sent as U+FFFD)
  }
  return bytes;
}

import { HIDDEN_CHARACTER } from "./text";

/**
 * The one rule for a source's web address, applied by the source form and by the fact-base
 * import alike: an absolute http(s) URL with a host, nothing else (no "javascript:", "data:"
 * or "file:"; no spaces or control characters). Rendered as a link in the preview and the
 * admin pages, so a script address must never be stored.
 */
export const WEB_ADDRESS_MESSAGE = "Enter a web address starting with http:// or https://.";
export const WEB_ADDRESS_MAX = 2000;

export function isWebAddress(value: string): boolean {
  // No spaces, controls, or bidirectional/invisible marks that could make a link read as another.
  if (value.length > WEB_ADDRESS_MAX || !/^https?:\/\/\S+$/i.test(value) || HIDDEN_CHARACTER.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

import { PDFDocument } from "pdf-lib";

/**
 * Parts parsed by pdf-lib, by part cache key, in the thread that assembles: parsing every part
 * was a third of an assembly, and after an edit all parts but one are the same as last time.
 * The assembly only reads a parsed part (it copies its pages into the new document), so one
 * parse serves every briefing printing that part. A key names exactly what the part printed
 * (part-cache.ts), so a parse is only ever reused for the same bytes. Bounded in count: a
 * parsed part is a few times its bytes (~50 KB), least recently used first out.
 */
const MAX_PARSED = 48;
const parsed = new Map<string, Promise<PDFDocument>>();

const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });

/** The parsed part: from the last assembly that had it when `key` is given, else parsed now. */
export function parsedPart(bytes: Uint8Array, key: string | null): Promise<PDFDocument> {
  if (key === null) return load(bytes);
  let part = parsed.get(key);
  if (part) {
    parsed.delete(key);
  } else {
    part = load(bytes);
    // A failed parse is not remembered: the assembly reports it, and the next one tries again.
    part.catch(() => parsed.delete(key));
  }
  parsed.set(key, part);
  for (const oldest of parsed.keys()) {
    if (parsed.size <= MAX_PARSED) break;
    parsed.delete(oldest);
  }
  return part;
}

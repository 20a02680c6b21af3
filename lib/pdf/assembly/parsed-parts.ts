import { PDFDocument, ParseSpeeds } from "pdf-lib";
import { ByteBoundedLru } from "../../byte-bounded-lru";

/**
 * Parts parsed by pdf-lib, by part cache key, in the thread that assembles: parsing every part
 * was a third of an assembly, and after an edit all parts but one are the same as last time.
 * The assembly only reads a parsed part (it copies its pages into the new document), so one
 * parse serves every briefing printing that part. A key names exactly what the part printed
 * (part-cache.ts), so a parse is only ever reused for the same bytes. Bounded by the parts'
 * bytes, least recently used first out. A parsed part takes about nine times its bytes in
 * memory (measured: 2.2 MB of parts held 4.8 MB of heap and 14.7 MB of buffers), so 1 MiB of
 * parts is ~9 MiB per render thread: the last few briefings assembled, ~0.35 MB of parts each
 * at ~20 pages. With 4 MiB the threads' parses outweighed the part cache's own bound.
 */
const MAX_PARSED_BYTES = 1024 * 1024;
const parsed = new ByteBoundedLru<{ bytes: number; part: Promise<PDFDocument> }>(
  MAX_PARSED_BYTES,
  (entry) => entry.bytes,
);

// Fastest: no pause every 100 objects (pdf-lib's default, a setTimeout each) on a render thread.
const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });

/** The parsed part: from the last assembly that had it when `key` is given, else parsed now. */
export function parsedPart(bytes: Uint8Array, key: string | null): Promise<PDFDocument> {
  if (key === null) return load(bytes);
  const known = parsed.get(key);
  if (known) return known.part;
  const entry = { bytes: bytes.byteLength, part: load(bytes) };
  parsed.set(key, entry);
  // A failed parse is not remembered: the assembly reports it, and the next one tries again.
  entry.part.catch(() => {
    if (parsed.get(key) === entry) parsed.delete(key);
  });
  return entry.part;
}

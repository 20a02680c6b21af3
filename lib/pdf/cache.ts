import { createHash } from "node:crypto";
import { documentVariant, type BriefingDocument } from "../briefing/document";
import { ByteBoundedLru } from "../byte-bounded-lru";
import { canonicalJson } from "../canonical-json";
import { renderBriefingPdfPooled } from "./pool";

/** SHA-256 of the document's content: the cache key, and a good ETag. */
export function briefingContentHash(doc: BriefingDocument): string {
  return createHash("sha256").update(canonicalJson(doc)).digest("hex");
}

/**
 * The cache key of a document's PDF: its copy (internal or counterpart) and its content hash.
 * The variant is named outright, not only hashed with the rest, so the counterpart copy can
 * never be served from the internal copy's entry, or the other way round, whatever the two
 * documents hold.
 */
export function pdfCacheKey(doc: BriefingDocument): string {
  return `${documentVariant(doc)}:${briefingContentHash(doc)}`;
}

type Renderer = (doc: BriefingDocument) => Promise<Buffer>;

/** Renders through `render`, remembering PDFs of cacheable (finalised) briefings by content hash. */
export class PdfCache {
  private readonly pdfs: ByteBoundedLru<Promise<Buffer>>;

  constructor(
    private readonly render: Renderer = renderBriefingPdfPooled,
    capacity = 32,
  ) {
    // Bounded by count: a pending render has no size yet, so each PDF weighs 1.
    this.pdfs = new ByteBoundedLru(capacity, () => 1);
  }

  /** `render` replaces the cache's renderer for this call (the route renders with its admission ticket). */
  async get(
    doc: BriefingDocument,
    { cacheable, render = this.render }: { cacheable: boolean; render?: Renderer },
  ): Promise<Buffer> {
    if (!cacheable) return render(doc);
    const key = pdfCacheKey(doc);
    const hit = this.pdfs.get(key);
    if (hit) return hit;
    // The promise is cached, so concurrent first downloads share one render.
    const pending = render(doc);
    this.pdfs.set(key, pending);
    try {
      return await pending;
    } catch (error) {
      // A failed render (busy, timeout) must not be remembered.
      this.pdfs.delete(key);
      throw error;
    }
  }
}

const globalForPdfCache = globalThis as unknown as { chanceryPdfCache?: PdfCache };

/**
 * A briefing's PDF from the shared pool (or `render`, e.g. an admission ticket's), served from
 * memory when `cacheable` (a finalised briefing never changes, so its second download is
 * instant). Drafts should pass false.
 */
export function renderCached(
  doc: BriefingDocument,
  options: { cacheable: boolean; render?: Renderer },
): Promise<Buffer> {
  globalForPdfCache.chanceryPdfCache ??= new PdfCache();
  return globalForPdfCache.chanceryPdfCache.get(doc, options);
}

/**
 * Briefing PDFs. Server-side only; no Next imports, so scripts and workers can use it too.
 *
 *   sharedPdfPool().admit({ userId, places }) — what the download route asks first, before
 *                                    building the document; then renderCached(doc, { render: ticket.render })
 *   renderCached(doc, { cacheable }) — on the shared pool, finalised briefings from memory
 *   renderBriefingPdfPooled(doc)     — on the shared worker pool (its part cache, part-cache.ts)
 *   renderBriefingPdf(doc)           — in the calling thread (CLI, tests), no part cache unless given
 *
 * Pool errors: PdfBusyError (503), PdfUserLimitError (429), both with retryAfterSeconds, and
 * PdfTimeoutError (504). Recognise them with isAppError (lib/errors.ts), never instanceof:
 * the shared pool may come from another bundle.
 */
export { renderBriefingPdf } from "./render";
export {
  renderBriefingPdfPooled,
  sharedPdfPool,
  PdfRenderPool,
  type PdfPoolOptions,
  type PdfRenderTicket,
} from "./pool";
export { renderCached, briefingContentHash, pdfCacheKey, PdfCache } from "./cache";
export { PartCache, partCacheFromEnv, type PartCacheStats } from "./part-cache";
export { estimatePlaces } from "./parts/plan";
export { PdfBusyError, PdfTimeoutError, PdfUserLimitError } from "./errors";

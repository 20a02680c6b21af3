/**
 * Briefing PDFs. Server-side only; no Next imports, so scripts and workers can use it too.
 *
 *   renderCached(doc, { cacheable })  — what the download route should call
 *   renderBriefingPdfPooled(doc)      — on the shared worker pool, no cache
 *   renderBriefingPdf(doc)            — in the calling thread (CLI, tests)
 *
 * Pool errors: PdfBusyError (503, retryAfterSeconds) and PdfTimeoutError (504), both AppErrors.
 */
export { renderBriefingPdf } from "./render";
export { renderBriefingPdfPooled, sharedPdfPool, PdfRenderPool, type PdfPoolOptions } from "./pool";
export { renderCached, briefingContentHash, PdfCache } from "./cache";
export { PdfBusyError, PdfTimeoutError } from "./errors";

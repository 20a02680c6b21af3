import { buildCounterpartDocument } from "@/db/queries/briefings/build-counterpart-document";
import { getBriefingPrintSummary } from "@/db/queries/briefings/get-briefing-print-summary";
import { recordCounterpartDownload } from "@/db/queries/briefings/record-counterpart-download";
import type { BriefingDocument } from "@/lib/briefing/document";
import { appErrorResponse, secureRoute } from "@/app/_request/guard";
// The pool, cache and plan only, not "@/lib/pdf" (see ../route.ts).
import { renderCached } from "@/lib/pdf/cache";
import { estimatePlaces } from "@/lib/pdf/parts/plan";
import { sharedPdfPool } from "@/lib/pdf/pool";
import { namedBySummary, pdfHeaders } from "../pdf-headers";

export const dynamic = "force-dynamic";

/**
 * GET /briefings/{id}/pdf/counterpart — the briefing's counterpart copy (releasable material
 * only, db/queries/briefings/build-counterpart-document.ts), as `<stem>-counterpart-rN.pdf`,
 * for the people who may download the internal PDF, refused as it is (401, 404; 429 and 503
 * with Retry-After when the pool has no room, asked before the document is built; 504), and
 * audited as its own action. A final briefing's copy is cached like its internal PDF, under a
 * key naming the variant (lib/pdf/cache.ts pdfCacheKey).
 */
const download = secureRoute<{ id: string }>({}, async ({ actor, params }) => {
  const summary = await getBriefingPrintSummary({ actor, briefingId: params.id, operation: "downloadCounterpart" });
  // The summary counts every included fact, releasable or not: the estimate errs high, never low.
  const ticket = sharedPdfPool().admit({ userId: actor.userId, places: estimatePlaces(summary) });
  let doc: BriefingDocument;
  let pdf: Buffer;
  try {
    doc = await buildCounterpartDocument({ actor, briefingId: params.id });
    pdf = await renderCached(doc, { cacheable: doc.status === "final", render: ticket.render });
  } finally {
    ticket.release();
  }
  await recordCounterpartDownload({ actor, briefingId: params.id, revision: doc.revision });
  return new Response(new Uint8Array(pdf), {
    headers: { ...pdfHeaders(doc, "counterpart"), "Content-Length": String(pdf.length) },
  });
});

/** A pool that would refuse anyone now is said before anything else, as for the internal PDF (../route.ts). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = sharedPdfPool().refusal();
  if (refused) return appErrorResponse(refused);
  return download(request, context);
}

/** The headers a download would get, with nothing rendered and nothing audited (see ../route.ts). */
export const HEAD = secureRoute<{ id: string }>({}, async ({ actor, params }) => {
  const summary = await getBriefingPrintSummary({ actor, briefingId: params.id, operation: "downloadCounterpart" });
  return new Response(null, { headers: pdfHeaders(namedBySummary(summary), "counterpart") });
});

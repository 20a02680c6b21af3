import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import { getBriefingPrintSummary } from "@/db/queries/briefings/get-briefing-print-summary";
import { recordDownload } from "@/db/queries/briefings/record-download";
import type { BriefingDocument } from "@/lib/briefing/document";
import { appErrorResponse, secureRoute } from "@/app/_request/guard";
// The pool, cache and plan only, not "@/lib/pdf": its index also loads the in-thread renderer
// (react-pdf, fonts), seconds of loading on this thread that the first request would wait for.
import { renderCached } from "@/lib/pdf/cache";
import { estimatePlaces } from "@/lib/pdf/parts/plan";
import { sharedPdfPool } from "@/lib/pdf/pool";
import { namedBySummary, pdfHeaders } from "./pdf-headers";

export const dynamic = "force-dynamic";

/**
 * GET /briefings/{id}/pdf — a briefing as a PDF rendered on the server (in the worker pool,
 * never on this thread), for those the rule lets download it (lib/briefing/permissions.ts: its
 * owner, editors, viewers and pending clearers). 401 without a session, 404 for anyone else —
 * administrators included — or an unknown briefing. The pool is asked for room right after a small read, before the
 * document is built: 429 with Retry-After when this user already has renders running, 503
 * with Retry-After when the pool is full or the request waited too long for a thread, 504 for
 * a render that ran past its limit (all through secureRoute). Finalised briefings are cached
 * by content, so a second download is instant.
 */
const download = secureRoute<{ id: string }>({}, async ({ actor, params }) => {
  const summary = await getBriefingPrintSummary({ actor, briefingId: params.id });
  const ticket = sharedPdfPool().admit({ userId: actor.userId, places: estimatePlaces(summary) });
  let doc: BriefingDocument;
  let pdf: Buffer;
  try {
    doc = await buildSavedDocument({ actor, briefingId: params.id, operation: "download" });
    pdf = await renderCached(doc, { cacheable: doc.status === "final", render: ticket.render });
  } finally {
    ticket.release();
  }
  await recordDownload({ actor, briefingId: params.id, revision: doc.revision });
  return new Response(new Uint8Array(pdf), {
    headers: { ...pdfHeaders(doc), "Content-Length": String(pdf.length) },
  });
});

/**
 * A pool that would refuse anyone now — every place taken, or this thread past its load bound
 * while a render runs (lib/pdf/pool.ts maxRequestThreadLoad) — is said before anything else,
 * no session check, no read, so a flood of downloads costs this thread next to nothing and
 * pages stay quick (bench:load). It tells nobody anything but that the service is busy;
 * everything else is decided as above.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = sharedPdfPool().refusal();
  if (refused) return appErrorResponse(refused);
  return download(request, context);
}

/**
 * HEAD /briefings/{id}/pdf — the headers a download would get (401, 404, or 200 with the
 * type and file name), with nothing rendered and no download audited. Without this export
 * Next would answer HEAD with GET, rendering the PDF and recording a download.
 */
export const HEAD = secureRoute<{ id: string }>({}, async ({ actor, params }) => {
  const summary = await getBriefingPrintSummary({ actor, briefingId: params.id });
  return new Response(null, { headers: pdfHeaders(namedBySummary(summary)) });
});

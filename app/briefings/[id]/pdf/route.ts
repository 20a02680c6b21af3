import { recordDownload } from "@/db/queries/briefings";
import { buildSavedDocument } from "@/lib/briefing/build-document";
import { briefingFileName, contentDisposition } from "@/lib/briefing/file-name";
import { secureRoute } from "@/lib/next/guard";
import { PdfBusyError, renderCached } from "@/lib/pdf";

export const dynamic = "force-dynamic";

/**
 * GET /briefings/{id}/pdf — the owner's briefing as a PDF rendered on the server (in the
 * worker pool, never on this thread). 401 without a session, 404 for anyone else's or an
 * unknown briefing, 503 with Retry-After when the render queue is full. Finalised briefings
 * are cached by content, so a second download is instant.
 */
export const GET = secureRoute<{ id: string }>({}, async ({ actor, params }) => {
  const doc = buildSavedDocument({ actor, briefingId: params.id });
  let pdf: Buffer;
  try {
    pdf = await renderCached(doc, { cacheable: doc.status === "final" });
  } catch (error) {
    if (error instanceof PdfBusyError) {
      return Response.json({ error: error.message }, { status: 503, headers: { "Retry-After": String(error.retryAfterSeconds) } });
    }
    throw error;
  }
  recordDownload({ actor, briefingId: params.id, revision: doc.revision });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(briefingFileName(doc)),
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

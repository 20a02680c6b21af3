import { readiness } from "@/app/_startup/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when this process can serve everything — database open and migrated, PDF
 * threads loaded and answering (a warm-up in progress does not hold it back) — else 503, with
 * what is missing. /api/health stays the quick liveness check.
 */
export async function GET() {
  const report = await readiness();
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

import { databaseAnswers } from "@/db/setup/database-status";

export const dynamic = "force-dynamic";

/** Liveness: 200 while the database opens and answers (/api/ready is the full readiness check). */
export async function GET() {
  if (await databaseAnswers()) return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
}

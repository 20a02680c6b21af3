import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { migrationState, type MigrationState } from "@/db/migrate";
import { sharedPdfPoolStatus, type PoolStatus } from "@/lib/pdf/pool";

export interface Readiness {
  ready: boolean;
  /** What keeps it from being ready, in words an operator can act on. */
  problems: string[];
  database: { ok: boolean; migrations?: MigrationState };
  pdf: PoolStatus | null;
}

/** Whether the process can serve every request: the database and the PDF render threads. */
export function readiness(): Readiness {
  const problems: string[] = [];
  let database: Readiness["database"] = { ok: false };
  try {
    const db = getDb();
    db.get(sql`SELECT 1`);
    const migrations = migrationState(db);
    database = { ok: migrations.pending === 0, migrations };
    if (migrations.pending > 0) problems.push(`${migrations.pending} migration(s) not applied`);
  } catch {
    problems.push("database unavailable");
  }
  const pdf = sharedPdfPoolStatus();
  if (!pdf) problems.push("PDF render pool not started");
  else if (pdf.closing) problems.push("PDF render pool stopped");
  else if (pdf.loaded < pdf.threads) problems.push(`PDF render threads loaded: ${pdf.loaded} of ${pdf.threads}`);
  return { ready: problems.length === 0, problems, database, pdf };
}

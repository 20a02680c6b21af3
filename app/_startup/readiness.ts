import { databaseStatus, type DatabaseStatus } from "@/db/setup/database-status";
import { sharedPdfPoolStatus, type PoolStatus } from "@/lib/pdf/pool";

export interface Readiness {
  ready: boolean;
  /** What keeps it from being ready, in words an operator can act on. */
  problems: string[];
  database: DatabaseStatus;
  pdf: PoolStatus | null;
}

/** Whether the process can serve every request: the database and the PDF render threads. */
export async function readiness(): Promise<Readiness> {
  const problems: string[] = [];
  const database = await databaseStatus();
  if (!database.migrations) problems.push("database unavailable");
  else if (database.migrations.pending > 0) problems.push(`${database.migrations.pending} migration(s) not applied`);
  const pdf = sharedPdfPoolStatus();
  if (!pdf) problems.push("PDF render pool not started");
  else if (pdf.closing) problems.push("PDF render pool stopped");
  else if (pdf.loaded < pdf.threads) problems.push(`PDF render threads loaded: ${pdf.loaded} of ${pdf.threads}`);
  // The warm-up is bounded (a few seconds, lib/pdf/render-worker.ts): waiting for it keeps the
  // first download after a start from paying for a cold JIT.
  else if (pdf.warm < pdf.loaded) problems.push(`PDF render threads warm: ${pdf.warm} of ${pdf.threads}`);
  // Then the pool prints a few briefings as a download does (bounded too, lib/pdf/pool.ts).
  else if (!pdf.pipelineWarm) problems.push("PDF pipeline warming up");
  return { ready: problems.length === 0, problems, database, pdf };
}

import { databasePath } from "@/db/client";
import { ensureDemoUsers } from "@/lib/auth/demo-users";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { sharedPdfPool } from "@/lib/pdf/pool";
import { prepareDatabase } from "./prepare-database";

/**
 * First-start work: secret, database (created, migrated, seeded), demo accounts, and the PDF
 * render threads, which load and warm up in the background (a cold first download took about
 * 7 s on 2 cores; a warm one well under 1 s).
 */
export async function startServer(): Promise<void> {
  const pdf = sharedPdfPool();
  console.log(`[chancery] PDF render pool starting: ${pdf.threads} threads`);
  ensureAuthSecret();
  const { report } = prepareDatabase();
  const added = Object.entries(report?.inserted ?? {}).filter(([, n]) => n > 0);
  console.log(`[chancery] database ${databasePath()} ready${added.length ? ` (seeded ${added.map(([t, n]) => `${n} ${t}`).join(", ")})` : ""}`);
  const demo = await ensureDemoUsers();
  if (demo) {
    console.log("[chancery] demo accounts created (change their passwords, or set CHANCERY_DEMO_USERS=0):");
    for (const a of demo) console.log(`[chancery]   ${a.role.padEnd(5)}  ${a.email}  password: ${a.password}`);
  }
}

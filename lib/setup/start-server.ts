import { databasePath } from "@/db/client";
import { ensureDemoUsers } from "@/lib/auth/demo-users";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { prepareDatabase } from "./prepare-database";

/** First-start work: secret, database (created, migrated, seeded) and demo accounts. */
export async function startServer(): Promise<void> {
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

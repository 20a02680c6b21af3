import { databasePath } from "@/db/client";
import { ensureDemoUsers } from "@/db/setup/demo-users";
import { authSettings } from "@/lib/auth/config";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { twoFactorKey } from "@/lib/auth/two-factor-key";
import { sharedPdfPool } from "@/lib/pdf/pool";
import { log } from "@/lib/log";
import { roleLabels } from "@/lib/model/users";
import { prepareDatabase } from "@/db/setup/prepare-database";

/**
 * First-start work: secret, database (created, migrated, seeded), demo accounts, and the PDF
 * render threads, which load and warm up in the background (a cold first download took about
 * 7 s on 2 cores; a warm one well under 1 s).
 */
export async function startServer(): Promise<void> {
  const pdf = sharedPdfPool();
  log.info({ threads: pdf.threads }, "PDF render pool starting");
  ensureAuthSecret();
  twoFactorKey(); // generated now, on first start, rather than at the first enrolment
  const { roles, unknown } = authSettings.secondFactorRoles();
  if (unknown.length)
    log.error(
      { unknown, required: [...roles] },
      "CHANCERY_REQUIRE_2FA names unknown roles (admin, staff, clearer): they require nothing",
    );
  const { report } = await prepareDatabase();
  const added = Object.entries(report?.inserted ?? {}).filter(([, n]) => n > 0);
  log.info({ database: databasePath(), seeded: Object.fromEntries(added) }, "database ready");
  const demo = await ensureDemoUsers();
  if (demo) {
    // Printed once, on the start that creates them: they are published in README.md anyway.
    const accounts = demo.map((a) => ({
      roles: roleLabels(a).join(", "),
      clearanceLevel: a.clearanceLevel,
      email: a.email,
      password: a.password,
    }));
    log.warn({ accounts }, "demo accounts created: change their passwords, or set CHANCERY_DEMO_USERS=0");
  }
}

import { databaseLabel } from "@/db/client";
import { authSettings } from "@/lib/auth/config";
import { ensureAuthSecret, SharedKeyRequiredError } from "@/lib/auth/secret";
import { twoFactorKey } from "@/lib/auth/two-factor-key";
import { sharedPdfPool } from "@/lib/pdf/pool";
import { log } from "@/lib/log";
import { roleLabels } from "@/lib/model/users";
import { prepareDatabase } from "@/db/setup/prepare-database";

/**
 * First-start work: secret, database (created, migrated, seeded, demo accounts), and the PDF
 * render threads, which load and warm up in the background (a cold first download took about
 * 7 s on 2 cores; a warm one well under 1 s).
 */
export async function startServer(): Promise<void> {
  const pdf = sharedPdfPool();
  log.info({ threads: pdf.threads }, "PDF render pool starting");
  try {
    ensureAuthSecret();
    twoFactorKey(); // generated now, on first start, rather than at the first enrolment
  } catch (error) {
    // Next logs a failed start-up hook and serves anyway (every page an error): a setting
    // the app must not run without stops the process instead.
    if (!(error instanceof SharedKeyRequiredError)) throw error;
    log.fatal(error.message);
    process.exit(1);
  }
  const { roles, unknown } = authSettings.secondFactorRoles();
  if (unknown.length)
    log.error(
      { unknown, required: [...roles] },
      "CHANCERY_REQUIRE_2FA names unknown roles (admin, staff, clearer): they require nothing",
    );
  // Demo accounts inside the same set-up: on PostgreSQL, under the lock that keeps
  // instances starting at once from each creating them.
  const { report, demo } = await prepareDatabase({ demoUsers: true });
  const added = Object.entries(report?.inserted ?? {}).filter(([, n]) => n > 0);
  log.info({ database: databaseLabel(), seeded: Object.fromEntries(added) }, "database ready");
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

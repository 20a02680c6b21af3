import { getDb, type Database } from "../client";
import { migrateDatabase } from "../migrate";
import { seedDatabase } from "../seed/seed";
import { ensureDemoUsers } from "./demo-users";
import { withSetupLock } from "./setup-lock";

/**
 * What the first start of the app (and `npm run db:migrate`/`db:seed`) needs: the file
 * created, every migration applied, the curated fact base inserted where missing and, when
 * asked (the server's start), the demo accounts on a database without users.
 * Safe to run on every start: applied migrations and existing rows are left alone. On
 * PostgreSQL it runs under an advisory lock, so instances starting at once do it once.
 */
export async function prepareDatabase(opts: { seed?: boolean; demoUsers?: boolean; db?: Database } = {}) {
  const db = opts.db ?? getDb();
  return withSetupLock(db, async () => {
    await migrateDatabase(db);
    const report = opts.seed === false ? null : await seedDatabase(db);
    const demo = opts.demoUsers ? await ensureDemoUsers({ db }) : null;
    return { db, report, demo };
  });
}

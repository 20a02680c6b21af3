import { getDb } from "../client";
import { migrateDatabase } from "../migrate";
import { seedDatabase } from "../seed/seed";

/**
 * What the first start of the app (and `npm run db:migrate`/`db:seed`) needs: the file
 * created, every migration applied and the curated fact base inserted where missing.
 * Safe to run on every start: applied migrations and existing rows are left alone.
 */
export async function prepareDatabase(opts: { seed?: boolean } = {}) {
  const db = getDb();
  await migrateDatabase(db);
  const report = opts.seed === false ? null : await seedDatabase(db);
  return { db, report };
}

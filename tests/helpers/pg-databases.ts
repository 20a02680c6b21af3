import pg from "pg";

/*
 * Databases for a Vitest run on PostgreSQL (CHANCERY_TEST_ENGINE=postgres): one cluster per
 * run (tests/helpers/pg-global-setup.ts), holding two templates — migrated, and migrated and
 * seeded — from which every test database is copied with CREATE DATABASE … TEMPLATE, in
 * well under a second and without running migrations or seeding again.
 */

/** The run's cluster (its maintenance database), set by the global setup. */
export const CLUSTER_URL_VARIABLE = "CHANCERY_TEST_PG_URL";
export const MIGRATED_TEMPLATE = "chancery_migrated";
export const SEEDED_TEMPLATE = "chancery_seeded";

/** The engine this test run must use: CHANCERY_TEST_ENGINE, default sqlite. */
export function testEngine(): "sqlite" | "postgres" {
  const engine = process.env.CHANCERY_TEST_ENGINE ?? "sqlite";
  if (engine !== "sqlite" && engine !== "postgres") {
    throw new Error(`CHANCERY_TEST_ENGINE must be sqlite or postgres, not ${JSON.stringify(engine)}.`);
  }
  return engine;
}

function clusterUrl(): string {
  const url = process.env[CLUSTER_URL_VARIABLE];
  if (!url)
    throw new Error(
      `${CLUSTER_URL_VARIABLE} is not set: run Vitest with CHANCERY_TEST_ENGINE=postgres (npm run test:pg).`,
    );
  return url;
}

/** The URL of another database of the same cluster (same user, host and parameters). */
export function databaseUrl(url: string, name: string): string {
  return url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}

/** Runs one statement on the cluster's maintenance database. */
export async function adminQuery(statement: string, url = clusterUrl()): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let counter = 0;
const created: string[] = [];

/** A new database copied from a template; returns its URL. Dropped by dropCreatedDatabases(). */
export async function databaseFromTemplate(template: string): Promise<string> {
  const name = `t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  // Copies from one template queue on its lock; a copy still connected to it would fail.
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (error) {
      if (attempt === 5 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  created.push(name);
  return databaseUrl(clusterUrl(), name);
}

/** Drops this test file's databases (their pools may still be closing: FORCE ends them). */
export async function dropCreatedDatabases(): Promise<void> {
  while (created.length) await adminQuery(`DROP DATABASE IF EXISTS ${created.pop()} WITH (FORCE)`);
}

import { spawnSync } from "node:child_process";
import path from "node:path";
import { startTestCluster } from "./pg-cluster";
import { adminQuery, CLUSTER_URL_VARIABLE, databaseUrl, MIGRATED_TEMPLATE, SEEDED_TEMPLATE } from "./pg-databases";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs an operator script (npm run db:migrate / db:seed) on one database, as an operator would. */
function runScript(name: string, url: string): void {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/run.mjs"), name], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${name} on ${url} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Vitest's global setup for a run on PostgreSQL (vitest.config.ts, CHANCERY_TEST_ENGINE=postgres):
 * one throwaway cluster for the whole run, its two templates made by the real scripts
 * (db:migrate; db:seed on a copy), and DATABASE_URL set to a PostgreSQL URL before any worker
 * starts, so every test file runs on PostgreSQL (tests/helpers/engine-setup.ts gives each its
 * own database). The cluster stops after the run, also when the set-up fails.
 */
export default async function setup(): Promise<() => void> {
  const cluster = startTestCluster();
  try {
    await adminQuery(`CREATE DATABASE ${MIGRATED_TEMPLATE}`, cluster.url);
    runScript("db-migrate", databaseUrl(cluster.url, MIGRATED_TEMPLATE));
    await adminQuery(`CREATE DATABASE ${SEEDED_TEMPLATE} TEMPLATE ${MIGRATED_TEMPLATE}`, cluster.url);
    runScript("db-seed", databaseUrl(cluster.url, SEEDED_TEMPLATE));
  } catch (error) {
    cluster.stop();
    throw error;
  }
  process.env[CLUSTER_URL_VARIABLE] = cluster.url;
  process.env.DATABASE_URL = cluster.url;
  return cluster.stop;
}

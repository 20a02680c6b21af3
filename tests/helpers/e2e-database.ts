import { randomBytes } from "node:crypto";
import path from "node:path";
import { adminQuery, databaseUrl, testEngine } from "./pg-databases";

/*
 * Where the browser tests' servers keep their data, on the engine under test. The suite runs
 * twice in CI: on SQLite files, and (CHANCERY_TEST_ENGINE=postgres, `npm run test:e2e:pg`) on
 * a throwaway PostgreSQL cluster that `node scripts/pg-cluster.mjs run` starts around the
 * whole Playwright run and names in CHANCERY_TEST_PG_URL: Playwright starts its web server
 * before any global set-up could, so the cluster must exist first. No data-layer import here:
 * playwright.config.ts loads this before it decides the engine.
 */

/** The cluster of a PostgreSQL browser run (its database `chancery` is the suite server's). */
function clusterUrl(): string {
  const url = process.env.CHANCERY_TEST_PG_URL;
  if (!url)
    throw new Error(
      "CHANCERY_TEST_ENGINE=postgres needs a cluster: run the browser tests through `npm run test:e2e:pg` " +
        "(node scripts/pg-cluster.mjs run -- playwright test), which starts one and sets CHANCERY_TEST_PG_URL.",
    );
  return url;
}

/** The suite server's database: a file under data/e2e, or the cluster's own database. */
export function e2eDatabase(): string {
  return testEngine() === "postgres" ? clusterUrl() : path.resolve("data/e2e/chancery-e2e.db");
}

/**
 * An empty database for a second server a test starts (its own users, throttles and
 * settings): a file in the test's temporary directory, or a new database in the cluster.
 */
export async function databaseOfItsOwn(dir: string): Promise<string> {
  if (testEngine() === "sqlite") return path.join(dir, "chancery.db");
  const name = `e2e_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`, clusterUrl());
  return databaseUrl(clusterUrl(), name);
}

/**
 * The keys every server of a PostgreSQL run shares (required there, as on any set of
 * instances; tests/e2e decrypt second-factor secrets with the same key). Fixed test values,
 * set only when the operator has not.
 */
export function shareInstanceKeys(): void {
  if (testEngine() !== "postgres") return;
  process.env.AUTH_SECRET ??= "e2e-postgres-run-session-key-not-for-production";
  process.env.CHANCERY_2FA_KEY ??= "e2e0".repeat(16);
}

// The tests read and write the database through the data layer, whose `import "server-only"`
// must resolve to nothing in this runner and its workers (scripts/server-only/register.mjs).
import "./scripts/server-only/register.mjs";
import { defineConfig, devices } from "@playwright/test";
import { e2eDatabase, shareInstanceKeys } from "./tests/helpers/e2e-database";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The tests' own build folder (next.config.mjs reads it), so a run never rebuilds the .next
// that a live `npm start` serves from. Set here, it reaches the web server, the test workers
// and any server a test starts itself.
process.env.NEXT_DIST_DIR ??= ".next-e2e";
// The engine under test (CHANCERY_TEST_ENGINE, default sqlite) and its database, also set here
// so that the test workers' data layer opens the server's database on the same engine.
const E2E_DATABASE = e2eDatabase();
process.env.DATABASE_URL = E2E_DATABASE;
shareInstanceKeys();

/**
 * End-to-end tests run against the production build (`next build` + `npm start`'s server.mjs) on a
 * database of their own, created, migrated and seeded by the server's first start: a SQLite
 * file, or on a PostgreSQL run (`npm run test:e2e:pg`) the throwaway cluster's database.
 * Browsers cannot be downloaded here: Debian's Chromium is used through executablePath.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-gpu",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The server's JSON log is also kept in data/e2e/server.log, for tests that look up a line.
    command: `rm -rf data/e2e && mkdir -p data/e2e && ${process.env.E2E_SKIP_BUILD ? "" : "npm run build && "}node server.mjs 2>&1 | tee data/e2e/server.log`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: E2E_DATABASE,
      PORT: String(PORT),
      NODE_ENV: "production",
      // The tests play clients behind one trusted proxy: each context sends its own
      // X-Forwarded-For, so address-based throttling in one test never leaks into another.
      // tests/e2e/deployed-defaults.spec.ts starts a second server as deployed by default.
      CHANCERY_TRUSTED_PROXY_HOPS: "1",
      // Failure hooks (an error page, a stopped PDF pool) for tests/e2e/service.spec.ts.
      CHANCERY_TEST_HOOKS: "1",
    },
  },
});

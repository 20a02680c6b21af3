import path from "node:path";
import { defineConfig } from "vitest/config";

// CHANCERY_TEST_ENGINE=postgres (npm run test:pg) runs the suite on one throwaway PostgreSQL
// cluster (tests/helpers/pg-global-setup.ts); unset or sqlite, on SQLite files as always.
const engine = process.env.CHANCERY_TEST_ENGINE ?? "sqlite";
if (engine !== "sqlite" && engine !== "postgres") {
  throw new Error(`CHANCERY_TEST_ENGINE must be sqlite or postgres, not ${JSON.stringify(engine)}.`);
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The data layer's guard is for Next's bundles; here it is nothing (scripts/server-only/).
      "server-only": path.resolve(import.meta.dirname, "scripts/server-only/empty.mjs"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Each test file opens its own temporary SQLite file; forks keep native handles apart.
    pool: "forks",
    testTimeout: 30_000,
    globalSetup: engine === "postgres" ? ["tests/helpers/pg-global-setup.ts"] : [],
    // Gives each test file its own PostgreSQL database before it imports the data layer.
    setupFiles: ["tests/helpers/engine-setup.ts"],
  },
});

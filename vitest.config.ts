import path from "node:path";
import { defineConfig } from "vitest/config";

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
  },
});

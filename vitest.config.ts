import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Each test file opens its own temporary SQLite file; forks keep native handles apart.
    pool: "forks",
    testTimeout: 30_000,
  },
});

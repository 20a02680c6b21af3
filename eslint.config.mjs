import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without where() rewrites a whole table: always name the rows.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The floors (docs/architecture.md): lib/ is the ground floor. It may name the data layer's
    // types, but a value import of the database, of Next or of the app would carry them into
    // every script, worker and client bundle that uses lib/.
    files: ["lib/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)(db|app|auth|proxy|instrumentation)(/|$)",
              allowTypeImports: true,
              message:
                "lib/ is the ground floor: it imports only types from db/ and nothing from app/ (docs/architecture.md).",
            },
            {
              regex: "^(next|next-auth|server-only)(/|$)",
              allowTypeImports: true,
              message: "lib/ holds no Next code: put what needs Next in app/_request (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-e2e/**",
    "node_modules/**",
    "data/**",
    "reports/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);

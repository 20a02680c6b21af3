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
    // The data layer is asynchronous (issue 14): a promise nobody awaits is a write that may
    // land after the response, or an error nobody sees. These rules need type information.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Only the SQLite driver runs statements synchronously; everything else awaits drizzle's
    // query builders, so the same code can run on an asynchronous driver (docs/architecture.md).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: [
      "db/client.ts",
      "db/backup.ts",
      "db/migrate.ts",
      "db/copy/ends.ts",
      "tests/e2e/**",
      "playwright.config.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(run|get|all)$/]",
          message: "Await the query builder instead: .run()/.get()/.all() belong to the SQLite driver (db/client.ts).",
        },
        {
          selector: "MemberExpression[property.name='$client']",
          message: "The driver's connection stays in db/client.ts: use selectRows/runStatement or a transaction.",
        },
      ],
    },
  },
  {
    // A data-layer file whose name starts with "_" holds helpers that take a transaction and
    // check no permission: only other data-layer files may call them (types may be named).
    files: ["**/*.ts", "**/*.tsx"],
    // Tests may reach the helpers (they write rows the way the data layer does).
    ignores: ["db/**", "tests/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/db/queries/(.+/)?_",
              allowTypeImports: true,
              message:
                "Call the operation that checks permission (db/queries/<subject>/<verb-noun>.ts), not its helper.",
            },
          ],
        },
      ],
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

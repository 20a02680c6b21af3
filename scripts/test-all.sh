#!/usr/bin/env bash
# The whole test suite, twice: on SQLite (the embedded default) and on PostgreSQL (a throwaway
# cluster in a temporary directory, stopped afterwards: scripts/pg-cluster.mjs). Each engine
# gets Vitest (units and the database) and Playwright (the built app in Chromium); Next is
# built once, by the first Playwright run. Every run always runs; the last line is
# "N passed, N failed" summed over all four, and the exit code is non-zero if anything failed
# or a runner could not report.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/vitest-pg.json reports/playwright.json reports/playwright-pg.json

npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
vitest_rc=$?
CHANCERY_TEST_ENGINE=postgres npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest-pg.json
vitest_pg_rc=$?
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json
playwright_rc=$?
E2E_SKIP_BUILD=1 PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright-pg.json \
  node scripts/pg-cluster.mjs run -- npx playwright test --reporter=list,json
playwright_pg_rc=$?

node scripts/test-summary.mjs \
  "vitest (SQLite):vitest:reports/vitest.json:$vitest_rc" \
  "vitest (PostgreSQL):vitest:reports/vitest-pg.json:$vitest_pg_rc" \
  "playwright (SQLite):playwright:reports/playwright.json:$playwright_rc" \
  "playwright (PostgreSQL):playwright:reports/playwright-pg.json:$playwright_pg_rc"

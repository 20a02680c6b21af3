#!/usr/bin/env bash
# The whole test suite: Vitest (units and the database), then Playwright (the built app in
# Chromium). Both always run; the last line is "N passed, N failed" summed over both, and
# the exit code is non-zero if anything failed or a runner could not report.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
vitest_rc=$?
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json
playwright_rc=$?

node scripts/test-summary.mjs reports/vitest.json reports/playwright.json "$vitest_rc" "$playwright_rc"

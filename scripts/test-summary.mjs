// Sums Vitest's and Playwright's JSON reports into the one line CI reads: "N passed, N failed".
// A runner that exited non-zero without a readable report counts as one failure, so a crash
// can never pass as green. Optional fifth and sixth arguments: the report and exit code of a
// second Vitest run on PostgreSQL (npm run test:pg), summed in the same way.
import fs from "node:fs";

const [vitestFile, playwrightFile, vitestRc, playwrightRc, vitestPgFile, vitestPgRc] = process.argv.slice(2);
const read = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read(vitestFile);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  if (vitest.numFailedTests === 0 && Number(vitestRc) !== 0) failed += 1; // e.g. a file failed to load
} else failed += 1;

const vitestPg = vitestPgFile ? read(vitestPgFile) : null;
if (vitestPg) {
  passed += vitestPg.numPassedTests;
  failed += vitestPg.numFailedTests;
  skipped += vitestPg.numPendingTests + (vitestPg.numTodoTests ?? 0);
  if (vitestPg.numFailedTests === 0 && Number(vitestPgRc) !== 0) failed += 1;
} else if (vitestPgFile) failed += 1;

const playwright = read(playwrightFile);
if (playwright?.stats) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  if (playwright.stats.unexpected === 0 && Number(playwrightRc) !== 0) failed += 1; // e.g. the server did not start
  for (const error of playwright.errors ?? []) console.error(`playwright: ${error.message ?? error}`);
} else failed += 1;

console.log(
  `vitest: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : "no report"}${vitestPgFile ? `; vitest on PostgreSQL: ${vitestPg ? `${vitestPg.numPassedTests} passed, ${vitestPg.numFailedTests} failed` : "no report"}` : ""}; playwright: ${playwright?.stats ? `${playwright.stats.expected + playwright.stats.flaky} passed, ${playwright.stats.unexpected} failed` : "no report"}${skipped ? `; ${skipped} skipped` : ""}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

// Sums the runners' JSON reports into the one line CI reads: "N passed, N failed". Arguments:
// one "<label>:<vitest|playwright>:<report file>:<exit code>" per run (scripts/test-all.sh runs
// Vitest and Playwright on SQLite, then both again on PostgreSQL). A runner that exited non-zero
// without a readable report counts as one failure, as does one that failed with no test failing
// (a file that did not load, a server that did not start), so a crash can never pass as green.
import fs from "node:fs";

const read = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

/** A run's counts from its report, or null when there is none. */
function countsOf(kind, report) {
  if (!report) return null;
  if (kind === "vitest")
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    };
  if (!report.stats) return null;
  for (const error of report.errors ?? []) console.error(`playwright: ${error.message ?? error}`);
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

const runs = process.argv.slice(2).map((arg) => {
  const [label, kind, file, rc] = arg.split(":");
  if (!label || !["vitest", "playwright"].includes(kind) || !file || rc === undefined)
    throw new Error(`Expected <label>:<vitest|playwright>:<report>:<exit code>, got ${arg}`);
  const counts = countsOf(kind, read(file));
  if (!counts) return { label, passed: 0, failed: 1, skipped: 0, note: "no report" };
  if (counts.failed === 0 && Number(rc) !== 0) return { ...counts, label, failed: 1, note: `exit ${rc}` };
  return { ...counts, label };
});

const total = runs.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed }), {
  passed: 0,
  failed: 0,
});
console.log(
  runs
    .map(
      (r) =>
        `${r.label}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}${r.note ? ` (${r.note})` : ""}`,
    )
    .join("; "),
);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);

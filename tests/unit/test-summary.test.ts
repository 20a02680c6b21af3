import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// scripts/test-summary.mjs writes the line CI reads. A runner that crashed, or a run whose
// report is missing, must count as a failure: a green line over a run that never happened
// would let anything land.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-summary-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function report(name: string, body: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}
const vitest = (passed: number, failed: number) =>
  report(`v-${passed}-${failed}.json`, { numPassedTests: passed, numFailedTests: failed, numPendingTests: 2 });
const playwright = (passed: number, failed: number) =>
  report(`p-${passed}-${failed}.json`, { stats: { expected: passed, flaky: 0, unexpected: failed, skipped: 1 } });

function summary(...runs: string[]) {
  const result = spawnSync(process.execPath, ["scripts/test-summary.mjs", ...runs], { encoding: "utf8" });
  const lines = result.stdout.trim().split("\n");
  return { last: lines.at(-1), first: lines[0], status: result.status };
}

describe("the CI summary line", () => {
  it("sums every run, both engines' included", () => {
    const out = summary(
      `vitest (SQLite):vitest:${vitest(900, 0)}:0`,
      `vitest (PostgreSQL):vitest:${vitest(880, 0)}:0`,
      `playwright (SQLite):playwright:${playwright(98, 0)}:0`,
      `playwright (PostgreSQL):playwright:${playwright(97, 0)}:0`,
    );
    expect(out.last).toBe("1975 passed, 0 failed");
    expect(out.first).toContain("vitest (PostgreSQL): 880 passed, 0 failed, 2 skipped");
    expect(out.status).toBe(0);
  });

  it("counts failures, a missing report and a non-zero exit without failures", () => {
    expect(summary(`a:vitest:${vitest(10, 2)}:1`).last).toBe("10 passed, 2 failed");
    const missing = summary(`a:vitest:${vitest(10, 0)}:0`, `b:playwright:${path.join(dir, "none.json")}:1`);
    expect(missing.last).toBe("10 passed, 1 failed");
    expect(missing.status).toBe(1);
    expect(summary(`a:playwright:${playwright(5, 0)}:1`).last).toBe("5 passed, 1 failed");
  });

  it("is red when nothing ran", () => {
    expect(summary(`a:vitest:${vitest(0, 0)}:0`).status).toBe(1);
  });
});

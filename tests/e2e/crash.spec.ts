import { expect, test } from "@playwright/test";
import { runCrashRounds } from "../reliability/crash";

// The suite's server was built first; these rounds start their own from the same `.next`, on
// their own port and database, and kill -9 it 5 times (`npm run test:crash` runs 50).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;

test("kill -9 during acknowledged writes loses nothing and leaves a sound file", async () => {
  test.setTimeout(300_000);
  const report = await runCrashRounds({ rounds: 5, port: PORT });
  expect(report.unexpected).toEqual([]);
  expect(report.rounds).toBe(5);
  expect(report.acknowledged).toBeGreaterThanOrEqual(5 * 5); // each round kills after 5 or more
  expect(report.integrity).toBe("ok");
  expect(report.lost).toEqual([]);
});

import { runCrashRounds } from "./crash";

/**
 * npm run test:crash [-- --rounds N] [--port P]: N rounds (default 50, or CRASH_ROUNDS) of
 * kill -9 of the built server (`npm run build` first) during acknowledged writes; prints the
 * figures and exits non-zero if a write was lost, the file failed integrity_check, or the
 * server answered anything but the write's redirect.
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const rounds = Number(option("rounds") ?? process.env.CRASH_ROUNDS ?? 50);
const port = Number(option("port") ?? process.env.CRASH_PORT ?? 3090);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000)
  throw new Error("--rounds must be a whole number from 1 to 1000.");
if (!Number.isInteger(port) || port < 1024 || port > 65535)
  throw new Error("--port must be a port number from 1024 to 65535.");
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130)); // the exit hook kills the server

const report = await runCrashRounds({ rounds, port, log: (line) => console.log(line) });
console.log(`
Crash rounds:        ${report.rounds} of ${rounds}
Acknowledged writes: ${report.acknowledged}
Lost writes:         ${report.lost.length}${report.lost.length ? ` (${report.lost.slice(0, 5).join("; ")})` : ""}
Unacknowledged writes that landed anyway: ${report.landedUnacknowledged}
Unexpected answers:  ${report.unexpected.length}${report.unexpected.length ? `\n  ${report.unexpected.slice(0, 5).join("\n  ")}` : ""}
integrity_check:     ${report.integrity}
Time:                ${report.seconds.toFixed(1)} s`);
const failed =
  report.lost.length > 0 || report.integrity !== "ok" || report.unexpected.length > 0 || report.rounds < rounds;
if (failed) console.log(`The database is kept for inspection: ${report.databaseFile}`);
process.exit(failed ? 1 : 0);

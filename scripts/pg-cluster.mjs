/**
 * A throwaway PostgreSQL cluster for tests and CI (issue 17): no system service, no TCP port.
 *
 *   node scripts/pg-cluster.mjs start        → prints DATABASE_URL=postgres://postgres@/chancery?host=<dir>
 *   node scripts/pg-cluster.mjs stop <dir>   → stops that cluster and removes its directory
 *   node scripts/pg-cluster.mjs run -- <command…>
 *       → runs the command on a cluster of its own (CHANCERY_TEST_ENGINE=postgres, DATABASE_URL and
 *         CHANCERY_TEST_PG_URL set to its database) and stops it afterwards; exits with the
 *         command's code. The browser tests run on PostgreSQL this way (npm run test:e2e:pg).
 *
 * `start` makes a temporary directory, gives it to the `postgres` user when run as root (the
 * server refuses to run as root; CI runs as root), runs `initdb --encoding=UTF8
 * --locale=C.UTF-8` in it (so lower() and the text search fold Cyrillic as well as ASCII),
 * starts the server listening only on a Unix socket in that directory, and creates the
 * database. Durability is switched off (fsync=off): the cluster holds test data and is thrown
 * away. Binaries: those of `initdb` on PATH, else Debian's newest /usr/lib/postgresql/N/bin.
 *
 * Programs use startCluster()/stopCluster() (tests/helpers/pg-cluster.ts); a cluster started
 * for a process records that process id, and the next start removes clusters whose process
 * died without stopping them. Plain JavaScript: it runs before anything is installed or built.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PREFIX = "chancery-pg-";
const DATABASE = "chancery";
/** The file naming the process a cluster belongs to (absent: kept until `stop`). */
const OWNER_FILE = "owner.pid";

/** Thrown when no PostgreSQL server binaries are installed. */
export class PostgresMissingError extends Error {}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The directory holding initdb, pg_ctl and postgres: that of `initdb` on PATH, else Debian's newest. */
export function postgresBinDir() {
  // Debian's /usr/bin wrappers (pg_wrapper) cover psql and friends but not initdb or pg_ctl.
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return path.dirname(fs.realpathSync(onPath));
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian)
    ? fs
        .readdirSync(debian)
        .filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(debian, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return path.join(debian, versions[0], "bin");
  throw new PostgresMissingError(
    "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's `postgresql` package " +
      "(apt-get install postgresql, as .ci/run does) or put its bin directory on PATH.",
  );
}

/** Runs a PostgreSQL program as the cluster's owner (`postgres` when we are root), failing loudly. */
function run(bin, program, args, cwd) {
  const file = path.join(bin, program);
  const [command, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  // cwd: the postgres user may not be allowed into the caller's working directory.
  const result = spawnSync(command, argv, { cwd, encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`${program} ${args.join(" ")} failed (exit ${result.status}):\n${output}`);
  }
  return result.stdout;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Stops the server of a cluster directory (if running) and removes the directory. */
export function stopCluster(dir, { bin } = {}) {
  const resolved = path.resolve(dir);
  // Only ever delete what start made: a directory of ours with a data directory in it.
  if (!path.basename(resolved).startsWith(PREFIX)) throw new Error(`${dir} is not a cluster made by pg-cluster.mjs`);
  const data = path.join(resolved, "data");
  if (fs.existsSync(path.join(data, "postmaster.pid"))) {
    try {
      run(bin ?? postgresBinDir(), "pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"], resolved);
    } catch (error) {
      // A server already gone leaves a stale pid file: nothing left to stop.
      if (!/not running|No such process|does not exist/i.test(String(error))) throw error;
    }
  }
  fs.rmSync(resolved, { recursive: true, force: true });
}

/** Removes clusters whose owning process ended without stopping them (a killed test run). */
function reapOrphans(bin) {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(tmp, name);
    let owner;
    try {
      owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), "utf8"));
    } catch {
      continue; // no owner: started by the command line, kept until `stop`
    }
    if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) {
      try {
        stopCluster(dir, { bin });
      } catch {
        // Not ours to fix now (another user's, half removed): leave it.
      }
    }
  }
}

/**
 * Creates and starts a cluster, with an empty database. `ownerPid`: the process whose end
 * makes it an orphan for the next start to remove; `bin`: where the PostgreSQL programs are.
 * Returns its directory and DATABASE_URL.
 */
export function startCluster({ ownerPid, bin = postgresBinDir() } = {}) {
  reapOrphans(bin);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  try {
    if (ownerPid) fs.writeFileSync(path.join(dir, OWNER_FILE), String(ownerPid));
    fs.chmodSync(dir, 0o700);
    if (isRoot()) {
      const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout);
      const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout);
      if (!uid) throw new Error("Running as root, but there is no `postgres` user to own the cluster.");
      fs.chownSync(dir, uid, gid);
    }
    const data = path.join(dir, "data");
    run(bin, "initdb", ["-D", data, "--encoding=UTF8", "--locale=C.UTF-8", "-U", "postgres", "--auth=trust"], dir);
    const settings = [
      "-c listen_addresses=''",
      `-c unix_socket_directories='${dir}'`,
      // Test data, thrown away: no need to wait for the disk.
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
    ].join(" ");
    run(
      bin,
      "pg_ctl",
      ["start", "-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", settings],
      dir,
    );
    run(bin, "createdb", ["-h", dir, "-U", "postgres", DATABASE], dir);
    // The directory is os.tmpdir() plus letters and digits: nothing in it needs escaping.
    const url = `postgres://postgres@/${DATABASE}?host=${dir}`;
    return { dir, url, bin };
  } catch (error) {
    const log = path.join(dir, "server.log");
    const detail = fs.existsSync(log) ? `\n--- server.log ---\n${fs.readFileSync(log, "utf8")}` : "";
    try {
      stopCluster(dir, { bin });
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    if (detail && error instanceof Error) error.message += detail;
    throw error;
  }
}

/** Runs a command on a cluster of its own; resolves to the command's exit code. */
async function runOnCluster(argv) {
  if (!argv.length) throw new Error("Usage: node scripts/pg-cluster.mjs run -- <command…>");
  const cluster = startCluster({ ownerPid: process.pid });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopCluster(cluster.dir, { bin: cluster.bin });
  };
  process.once("exit", stop);
  const child = spawn(argv[0], argv.slice(1), {
    stdio: "inherit",
    env: {
      ...process.env,
      CHANCERY_TEST_ENGINE: "postgres",
      CHANCERY_TEST_PG_URL: cluster.url,
      DATABASE_URL: cluster.url,
    },
  });
  // Ctrl-C reaches the command too (same process group); a TERM sent to us alone is passed on.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => {
    child.once("error", (error) => {
      process.stderr.write(`${argv[0]}: ${error.message}\n`);
      resolve(127);
    });
    child.once("exit", (status, signal) => resolve(status ?? (signal ? 128 : 1)));
  });
  stop();
  return code;
}

async function main(argv) {
  const [command, dir] = argv;
  if (command === "run") return runOnCluster(argv[1] === "--" ? argv.slice(2) : argv.slice(1));
  if (command === "start" && !dir) {
    const cluster = startCluster();
    process.stdout.write(`DATABASE_URL=${cluster.url}\n`);
    process.stderr.write(`Stop it with: node scripts/pg-cluster.mjs stop ${cluster.dir}\n`);
    return 0;
  }
  if (command === "stop" && dir) {
    stopCluster(dir);
    return 0;
  }
  process.stderr.write("Usage: node scripts/pg-cluster.mjs start | stop <cluster directory> | run -- <command…>\n");
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
      process.exitCode = 1;
    },
  );
}

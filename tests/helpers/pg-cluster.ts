import { startCluster, stopCluster } from "../../scripts/pg-cluster.mjs";

/**
 * A throwaway PostgreSQL cluster for one test file (scripts/pg-cluster.mjs): start it in
 * beforeAll, stop it in afterAll. A run that ends without afterAll (an uncaught error, Ctrl-C,
 * a killed worker) still stops it: on exit and on SIGINT/SIGTERM here, and failing those the
 * next start removes clusters whose process is gone. Missing PostgreSQL binaries throw
 * (PostgresMissingError) with what to install: the tests fail, they are never skipped.
 */
export interface TestCluster {
  /** postgres://postgres@/chancery?host=<socket directory> */
  url: string;
  dir: string;
  stop(): void;
}

const running = new Set<string>();

function stopAll(): void {
  for (const dir of running) {
    running.delete(dir);
    try {
      stopCluster(dir);
    } catch {
      // Exiting anyway: the next start reaps what is left.
    }
  }
}

let hooked = false;

function stopOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.once("exit", stopAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      stopAll();
      // The listener is gone (once): the signal now does what it would have done.
      process.kill(process.pid, signal);
    });
  }
}

export function startTestCluster(): TestCluster {
  stopOnExit();
  const { dir, url } = startCluster({ ownerPid: process.pid });
  running.add(dir);
  return {
    url,
    dir,
    stop() {
      if (!running.delete(dir)) return;
      stopCluster(dir);
    },
  };
}

/**
 * The server bench:load runs against: started from a shell command in its own process group
 * (so every process it starts is stopped with it), found by the socket it listens on (the
 * command may be `next start`, `npm start` or `node server.mjs`: the pid we spawn is not
 * always the server's), and measured through /proc.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export interface RunningServer {
  baseUrl: string;
  /** The process that listens on the port: the one whose memory is measured. */
  pid: number;
  /** The server's output, kept for when something goes wrong. */
  log: () => string;
  stop: () => Promise<void>;
}

/** The socket inode listening on 127.0.0.1 (or any address) at `port`, from /proc/net/tcp{,6}. */
function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = fs.readFileSync(table, "utf8").split("\n").slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      // cols: sl, local_address, rem_address, st (0A = LISTEN), …, inode at index 9
      if (cols.length > 9 && cols[1].endsWith(`:${hexPort}`) && cols[3] === "0A") return cols[9];
    }
  }
  return null;
}

/** The pid of the process (among ours) holding the listening socket of `port`. */
export function listeningPid(port: number): number | null {
  const inode = listeningInode(port);
  if (!inode) return null;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // not ours, or gone
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${entry}/fd/${fd}`) === `socket:[${inode}]`) return Number(entry);
      } catch {
        // the descriptor closed meanwhile
      }
    }
  }
  return null;
}

/** Resident memory of a process in bytes (VmRSS), or null once it is gone. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Runs `command` (PORT already in it) and waits, at most `timeoutMs`, for /api/health to answer 200. */
export async function startServer({
  command,
  port,
  env,
  timeoutMs = 120_000,
}: {
  command: string;
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  if (listeningInode(port)) throw new Error(`Port ${port} is already in use; choose another with --port.`);
  const child: ChildProcess = spawn("sh", ["-c", command], {
    env: { ...process.env, ...env },
    detached: true, // its own process group: stop() ends the shell and everything it started
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return; // already gone
    }
    await Promise.race([exit, pause(10_000)]);
    // The shell may be gone before the server it started has closed its port (server.mjs lets
    // open connections finish): wait for the port too, so the next run can take it.
    const since = Date.now();
    while (listeningInode(port) && Date.now() - since < 10_000) await pause(100);
    if (!exited || listeningInode(port)) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    if (await healthy(baseUrl)) {
      const pid = listeningPid(port);
      if (pid === null) break;
      return { baseUrl, pid, log: () => output, stop };
    }
    await pause(250);
  }
  await stop();
  throw new Error(`The server did not become healthy at ${baseUrl}/api/health (command: ${command}).\n${output}`);
}

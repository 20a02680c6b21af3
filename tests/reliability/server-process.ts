import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * How the built server is started: the program `npm start` runs (without its MALLOC_ARENA_MAX,
 * which bounds memory and changes nothing a crash round checks), as the one process of its group.
 * It serves NEXT_DIST_DIR (default .next) on 127.0.0.1.
 */
export const START_COMMAND = ["node", "server.mjs"];

const ROOT = path.resolve(import.meta.dirname, "../..");
const START_LIMIT_MS = 90_000;
const LOG_LINES = 60;

// Servers still running when this process exits (a failed or interrupted run) die with it.
const running = new Set<number>();
process.on("exit", () => running.forEach((pid) => killGroup(pid)));
function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export interface ServerOptions {
  port: number;
  databaseFile: string;
  authSecret: string;
}

/** One run of the real built server, in a process group of its own so kill -9 takes it whole. */
export class ServerProcess {
  readonly baseUrl: string;
  private readonly child: ChildProcess;
  private readonly log: string[] = [];
  private readonly exited: Promise<number | string | null>;

  private constructor(options: ServerOptions) {
    this.baseUrl = `http://127.0.0.1:${options.port}`;
    const [command, ...args] = START_COMMAND.map((part) => part.replace("$PORT", String(options.port)));
    this.child = spawn(command, args, {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(options.port),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: options.databaseFile,
        AUTH_SECRET: options.authSecret,
        CHANCERY_DEMO_USERS: "0",
      },
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.setEncoding("utf8").on("data", (chunk: string) => {
        this.log.push(...chunk.split("\n").filter(Boolean));
        this.log.splice(0, Math.max(0, this.log.length - LOG_LINES));
      });
    }
    const pid = this.child.pid;
    if (pid === undefined) throw new Error(`Could not run ${command} (is the app installed and built?)`);
    running.add(pid);
    this.exited = new Promise((resolve) =>
      this.child.on("exit", (code, signal) => {
        running.delete(pid);
        resolve(signal ?? code);
      }),
    );
  }

  /** Starts the server and resolves once /api/health answers 200 (the database is open). */
  static async start(options: ServerOptions): Promise<ServerProcess> {
    const probe = `http://127.0.0.1:${options.port}/api/health`;
    if (await answers(probe)) throw new Error(`Something already listens on port ${options.port}; choose another.`);
    const server = new ServerProcess(options);
    const deadline = Date.now() + START_LIMIT_MS;
    let gone = false;
    void server.exited.then(() => (gone = true));
    while (!(await answers(probe))) {
      if (gone) throw new Error(`The server exited while starting:\n${server.output()}`);
      if (Date.now() > deadline) {
        await server.kill();
        throw new Error(`The server was not healthy within ${START_LIMIT_MS / 1000} s:\n${server.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return server;
  }

  /** kill -9 of the whole process group; resolves when the server process is gone. */
  async kill(): Promise<void> {
    killGroup(this.child.pid!);
    await this.exited;
  }

  /** The last lines the server printed, for a failure message. */
  output(): string {
    return this.log.join("\n");
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

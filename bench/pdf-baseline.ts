/**
 * Today's renderer beside ours (issue 18's "never slower than today"): the render pool of an
 * earlier commit of this repository, run from a worktree of that commit in a process of its
 * own, and ours the same way, so the two differ in their code only. bench:pdf renders the
 * same briefings on both, taking turns (bench/pdf-workflow.ts).
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BriefingDocument } from "../lib/briefing/document";

/** The last commit before issue 18's PDF work: the renderer "today" refers to. */
export const TODAY_COMMIT = "591b02e";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");

/**
 * A worktree of `rev` beside the system's temp files (made once, reused), with the dependencies
 * its own lock file names, installed with its own `npm ci`: sharing this checkout's node_modules
 * would lend it the library fixes in patches/ (see the README) and any newer version.
 */
export function worktreeOf(rev: string): string {
  const dir = path.join(os.tmpdir(), `chancery-baseline-${rev}`);
  if (!fs.existsSync(path.join(dir, "lib"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    execFileSync("git", ["worktree", "prune"], { cwd: repoRoot });
    execFileSync("git", ["worktree", "add", "--detach", dir, rev], { cwd: repoRoot, stdio: "ignore" });
  }
  const modules = path.join(dir, "node_modules");
  // A symlink to ours: how worktrees were set up before patches/ existed.
  if (fs.existsSync(modules) && fs.lstatSync(modules).isSymbolicLink()) fs.unlinkSync(modules);
  if (!fs.existsSync(path.join(modules, ".package-lock.json"))) {
    console.log(`Installing the dependencies of commit ${rev} in ${dir} (once)…`);
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  }
  return dir;
}

/** A render pool of the checkout at `root`, in a child process (bench/pdf-pool-child.ts). */
export class PoolProcess {
  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
  ) {}

  static start(label: string, root: string): Promise<PoolProcess> {
    const child = fork(path.join(here, "pdf-pool-child.ts"), [root], {
      cwd: root,
      execArgv: process.execArgv,
      serialization: "advanced",
      env: {
        ...process.env,
        NODE_ENV: "production",
        CHANCERY_PDF_WORKER: path.join(root, "lib/pdf/render-worker.mjs"),
      },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Promise((resolve, reject) => {
      child.once("message", () => resolve(new PoolProcess(label, child)));
      child.once("exit", (code) =>
        reject(new Error(`${label}: the render process exited (${code}) before it was ready`)),
      );
    });
  }

  /** Renders `doc`; resolves to the milliseconds the pool took. */
  render(doc: BriefingDocument): Promise<number> {
    return new Promise((resolve, reject) => {
      this.child.once("message", (answer: { ms?: number; error?: string }) =>
        answer.ms === undefined ? reject(new Error(`${this.label}: ${answer.error}`)) : resolve(answer.ms),
      );
      this.child.send({ doc });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.send({ close: true });
    });
  }
}

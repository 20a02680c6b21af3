/**
 * `node scripts/run.mjs <name> [args…]`: runs the operator script scripts/<name>.ts. With the
 * development tools installed, through tsx from the source, as always; in a pruned production
 * install (`npm prune --omit=dev`: no tsx), the JavaScript `npm run build` made of it
 * (scripts/build-server-code.mjs). Arguments, standard input and the exit code pass through.
 * Plain JavaScript, so it runs without a TypeScript tool.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [name, ...args] = process.argv.slice(2);

function tsxCli() {
  try {
    return createRequire(import.meta.url).resolve("tsx/cli");
  } catch {
    return null;
  }
}

function command() {
  if (!name || !/^[\w-]+$/.test(name)) return { error: "Usage: node scripts/run.mjs <script name> [arguments]" };
  const tsx = tsxCli();
  // The hook lets the data layer's `import "server-only"` load outside Next (scripts/server-only/).
  const allowServerOnly = path.join(appDir, "scripts", "server-only", "register.mjs");
  if (tsx)
    return {
      argv: [tsx, "--import", pathToFileURL(allowServerOnly).href, path.join(appDir, "scripts", `${name}.ts`), ...args],
    };
  // Same rule as lib/app-paths.ts buildDir().
  const built = path.resolve(appDir, process.env.NEXT_DIST_DIR || ".next", "chancery", "scripts", `${name}.mjs`);
  if (!fs.existsSync(built)) {
    return {
      error: `${built} is missing, and tsx (a development tool) is not installed to run scripts/${name}.ts: run \`npm run build\` first.`,
    };
  }
  return { argv: [built, ...args] };
}

const { argv, error } = command();
if (error) {
  console.error(error);
  process.exit(2);
}
const result = spawnSync(process.execPath, argv, { stdio: "inherit" });
if (result.error) throw result.error;
// A script ended by a signal ends this launcher the same way.
if (result.signal) process.kill(process.pid, result.signal);
process.exitCode = result.status ?? 1;

/**
 * Second half of `npm run build` (after `next build`): bundles what runs outside Next's own
 * bundles to plain JavaScript, so a production install needs no TypeScript tool (tsx stays a
 * development dependency):
 *   - the PDF worker (lib/pdf/render-worker.ts) → <build dir>/pdf-worker.mjs
 *   - the operator scripts (OPERATOR_SCRIPTS) → <build dir>/scripts/<name>.mjs
 * <build dir> is <app>/<NEXT_DIST_DIR or .next>/chancery (lib/app-paths.ts buildDir()).
 * Packages stay external: they load from node_modules at run time, so the worker renders with
 * the one pdfkit and fontkit that lib/pdf/library-patches patches, and the build refuses a bundle that
 * imports a package missing from `dependencies` (it would be gone after `npm prune --omit=dev`)
 * or anything of Next's. The data layer's `import "server-only"` (a guard for Next's bundles,
 * whose package throws elsewhere) is bundled as the empty module scripts/server-only/empty.mjs.
 * Plain JavaScript: it runs before anything is built.
 */
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

export const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * What an operator runs on the production box (npm scripts through scripts/run.mjs). A new
 * one: add its name here and point its npm script at `node scripts/run.mjs <name>`.
 * Benchmarks, db:reset, check:quotes and test helpers stay development tools.
 */
export const OPERATOR_SCRIPTS = [
  "user-add",
  "user-disable",
  "user-reset-2fa",
  "db-migrate",
  "db-seed",
  "db-export",
  "db-import",
  "db-copy",
  "briefing",
  "db-backup",
];

/** Never in a plain Node bundle: they only work inside Next's server (`server-only` is aliased away). */
const FORBIDDEN = [/^server-only$/, /^next(\/|$)/, /^next-auth(\/|$)/];

/** Same rule as lib/app-paths.ts buildDir(). */
export function defaultOutDir(appDir = APP_DIR) {
  return path.resolve(appDir, process.env.NEXT_DIST_DIR || ".next", "chancery");
}

const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
const isBuiltin = (specifier) => specifier.startsWith("node:") || builtinModules.includes(packageName(specifier));

/** Every package a bundle imports must be a run-time dependency and nothing of Next's. */
function checkImports(metafile, dependencies) {
  const problems = [];
  for (const [output, { imports }] of Object.entries(metafile.outputs)) {
    for (const { path: specifier, external } of imports) {
      if (!external || isBuiltin(specifier) || specifier.startsWith(".")) continue;
      if (FORBIDDEN.some((rule) => rule.test(specifier)))
        problems.push(`${output} imports ${specifier}, which only works inside Next's server`);
      else if (!dependencies.has(packageName(specifier)))
        problems.push(`${output} imports ${specifier}, which is not in package.json "dependencies"`);
    }
  }
  if (problems.length)
    throw new Error(`The server code cannot run in a production install:\n  ${problems.join("\n  ")}`);
}

/**
 * A built script finds the app (migrations, seed articles) from where it lies, whatever the
 * working directory: this line runs before any of the bundle's own modules.
 */
function appDirBanner(outFileDir, appDir) {
  const relative = path.relative(outFileDir, appDir).split(path.sep).join("/") || ".";
  return [
    `import { fileURLToPath as __chanceryFileURLToPath } from "node:url";`,
    `process.env.CHANCERY_APP_DIR = __chanceryFileURLToPath(new URL(${JSON.stringify(`${relative}/`)}, import.meta.url));`,
  ].join("\n");
}

/** Builds the worker and the scripts into `outDir` (emptied first); returns the files written. */
export async function buildServerCode({
  appDir = APP_DIR,
  outDir = defaultOutDir(appDir),
  scripts = OPERATOR_SCRIPTS,
} = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(appDir, "package.json"), "utf8"));
  const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
  const common = {
    absWorkingDir: appDir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(appDir, "tsconfig.json"),
    alias: { "server-only": path.join(appDir, "scripts/server-only/empty.mjs") },
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "warning",
    legalComments: "none",
    sourcemap: "linked",
  };
  fs.rmSync(outDir, { recursive: true, force: true });
  const worker = await esbuild.build({
    ...common,
    entryPoints: { "pdf-worker": path.join(appDir, "lib/pdf/render-worker.ts") },
    outdir: outDir,
  });
  const scriptsDir = path.join(outDir, "scripts");
  const entryPoints = Object.fromEntries(scripts.map((name) => [name, path.join(appDir, "scripts", `${name}.ts`)]));
  const operator = await esbuild.build({
    ...common,
    entryPoints,
    outdir: scriptsDir,
    banner: { js: appDirBanner(scriptsDir, appDir) },
  });
  for (const { metafile } of [worker, operator]) checkImports(metafile, dependencies);
  return [worker, operator].flatMap(({ metafile }) =>
    Object.keys(metafile.outputs)
      .filter((f) => f.endsWith(".mjs"))
      .map((f) => path.resolve(appDir, f)),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const files = await buildServerCode();
    console.log(
      `Built ${files.length} server files into ${path.relative(process.cwd(), path.dirname(files[0])) || "."}: ${files.map((f) => path.basename(f)).join(", ")}`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

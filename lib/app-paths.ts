import path from "node:path";

/**
 * Where the app's own files are, independent of the working directory. The entry points set
 * CHANCERY_APP_DIR: server.mjs to its own folder, the built operator scripts to the app they
 * were built from. Without it (the dev server, Vitest, tsx scripts run from the repository)
 * the working directory is the app. No Next import: scripts and worker threads use this too.
 */
export function appRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CHANCERY_APP_DIR || process.cwd());
}

/** What `npm run build` adds beside Next's own output: the PDF worker and the operator scripts. */
export function buildDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ appRoot(), process.env.NEXT_DIST_DIR || ".next", "chancery");
}

/** Where data the app writes goes (the default database, the generated auth secret). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ appRoot(), process.env.CHANCERY_DATA_DIR || "data");
}

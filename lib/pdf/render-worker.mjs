/**
 * The PDF worker entry in development (the dev server, Vitest, tsx scripts): registers tsx's
 * loader in this thread (a worker thread does not inherit its parent's) and serves the
 * TypeScript entry, render-worker.ts. Production threads load the bundle `npm run build`
 * makes of that same file instead (lib/pdf/pool-threads.ts picks), so tsx, a development
 * dependency, is never needed at run time.
 */
const { register } = await import("tsx/esm/api");
register();
const { default: renderStep } = await import("./render-worker.ts");

export default renderStep;

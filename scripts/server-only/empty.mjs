// What `server-only` is outside Next's server build (tsx scripts, Vitest, Playwright's test
// workers, the esbuild bundles): nothing. Inside Next the real package keeps the data layer
// (db/client.ts) out of client bundles; see register.mjs.
export {};

/**
 * `node --import ./scripts/server-only/register.mjs …` (or `tsx --import …`): lets a plain Node
 * process load the data layer. db/client.ts imports `server-only`, whose package throws unless
 * it is resolved with React's `react-server` condition; running scripts with that condition
 * would also hand them React's server build (react-pdf cannot render with it), so this hook
 * resolves that one name to an empty module instead. Vitest and the esbuild bundles alias it
 * the same way (vitest.config.ts, scripts/build-server-code.mjs).
 */
import { register } from "node:module";

const empty = new URL("./empty.mjs", import.meta.url).href;
const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

import type { Instrumentation } from "next";

/**
 * Runs once when the server starts: creates, migrates and seeds the database so a fresh
 * clone serves real data on its first start. Imported lazily so the edge bundle and
 * `next build` never load better-sqlite3 or touch a file.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./app/_startup/start-server");
  await startServer();
}

/**
 * Every error Next catches while rendering a page or running a route (not the ones our
 * action/route wrapper answers itself), logged once with the request id and the digest the
 * error page shows, so either finds the line.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const header = request.headers["x-request-id"];
  const fields = {
    requestId: Array.isArray(header) ? header[0] : header,
    digest: (error as { digest?: string }).digest,
    method: request.method,
    path: request.path,
    route: context.routePath,
    routeType: context.routeType,
  };
  if (process.env.NEXT_RUNTIME !== "nodejs") {
    console.error(JSON.stringify({ level: "error", msg: "request failed", ...fields, err: String(error) }));
    return;
  }
  const { log } = await import("./lib/log");
  log.error({ ...fields, err: error }, "request failed");
};

/**
 * `npm start`: Next's production server behind a few lines that decide whose address a
 * request comes from. Next itself keeps a client-sent `X-Forwarded-For` and fills it from the
 * socket only when it is missing, and route handlers and actions never see the socket — so
 * without this, any client could pick the address that sign-in throttling and the audit log
 * use. Here the address is the socket's, or, with CHANCERY_TRUSTED_PROXY_HOPS=N, the entry
 * the N-th trusted proxy in front of us added; whatever the client sent is overwritten.
 * Plain JavaScript, so a pruned production install runs it without a TypeScript tool.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";

/** "::ffff:127.0.0.1" is how a dual-stack socket spells an IPv4 peer. */
function plainAddress(address) {
  const value = (address ?? "").trim();
  return value.startsWith("::ffff:") && value.includes(".") ? value.slice(7) : value;
}

/**
 * The client's address: with no trusted proxy, the socket's peer; with N trusted proxies,
 * the N-th entry from the right of `X-Forwarded-For` followed by the socket's peer (each proxy
 * appends the address it saw). Entries further left were written by the client and never count.
 */
export function clientAddress({ forwardedFor, socketAddress, trustedHops }) {
  const chain = String(forwardedFor ?? "")
    .split(",")
    .map((entry) => plainAddress(entry))
    .filter(Boolean);
  chain.push(plainAddress(socketAddress));
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return chain[index] || "unknown";
}

export function trustedProxyHops(env = process.env) {
  const hops = Number(env.CHANCERY_TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/**
 * Rewrites the forwarding headers of one request before Next sees them: the address as
 * decided above; host and protocol only from a trusted proxy (the proxy's origin check and
 * next-auth read them), otherwise Next derives them from the connection.
 */
export function applyForwarding(req, trustedHops) {
  const forwardedFor = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = clientAddress({
    forwardedFor: Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    socketAddress: req.socket.remoteAddress,
    trustedHops,
  });
  delete req.headers["x-real-ip"];
  if (trustedHops === 0) {
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) delete req.headers[name];
  }
}

/**
 * Gives the request an id that every log line about it carries and the response shows
 * (`X-Request-Id`), so a user's report finds its log line. A trusted proxy's id is kept.
 */
export function assignRequestId(req, res, trustedHops) {
  const offered = req.headers["x-request-id"];
  const id =
    trustedHops > 0 && typeof offered === "string" && /^[\w.:-]{8,100}$/.test(offered) ? offered : randomUUID();
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
}

/**
 * Next and the libraries print plain text through console (a render error's stack, "Invalid
 * Server Actions request"); the app's own lines are JSON (lib/log.ts). Each console line
 * becomes a JSON line too, so the log stays one stream a collector can parse.
 */
export function consoleAsJsonLines(write = (line) => process.stdout.write(line)) {
  const levels = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error" };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const error = args.find((arg) => arg instanceof Error);
      const line = {
        level,
        time: new Date().toISOString(),
        service: "chancery",
        source: "console",
        msg: format(...args),
      };
      if (error) line.err = { type: error.name, message: error.message, stack: error.stack };
      write(`${JSON.stringify(line)}\n`);
    };
  }
}

const PDF_PATH = /^\/briefings\/[^/?#]+\/pdf(?:\/counterpart)?\/?(?:[?#]|$)/;

/**
 * A PDF download that the render pool would refuse now anyway is answered here, before Next
 * (~1.6 ms of this thread per request), with the route's own answer (the pool's refusal():
 * 503, its message, Retry-After): under a flood of downloads the refusals are most of the
 * requests. The pool is the one the app's bundle made (lib/pdf/pool.ts sharedPdfPool keeps it
 * on globalThis). The path is matched first, so other requests never ask the pool.
 * bench:load, 40 downloaders: light pages p50 417 to 548 ms with this, 539 to 608 without.
 */
export function refusePdfAtTheDoor(req, res, pool = globalThis.chanceryPdfPool) {
  if (req.method !== "GET" || !PDF_PATH.test(req.url ?? "")) return false;
  const refused = pool?.refusal();
  if (!refused) return false;
  const body = JSON.stringify({ error: refused.message });
  res.writeHead(refused.status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    // As app/_request/guard.ts appErrorResponse says it.
    "Retry-After": String(Math.max(1, Math.ceil(refused.retryAfterSeconds))),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
  return true;
}

async function main() {
  process.env.NODE_ENV ??= "production";
  consoleAsJsonLines();
  const dir = path.dirname(fileURLToPath(import.meta.url));
  // What the app reads from its own tree (migrations, seed articles, the built PDF worker)
  // is found from here, not from the working directory (lib/app-paths.ts).
  process.env.CHANCERY_APP_DIR = dir;
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME ?? "0.0.0.0";
  const hops = trustedProxyHops();
  // Imported after NODE_ENV is set: Next reads it as it loads.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    applyForwarding(req, hops);
    assignRequestId(req, res, hops);
    if (refusePdfAtTheDoor(req, res)) return;
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    const proxies =
      hops === 0 ? "no trusted proxy: the socket's address is the client's" : `${hops} trusted proxy hop(s)`;
    console.log(
      `[chancery] listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (${proxies})`,
    );
  });
  const stop = (signal) => {
    // New connections are refused at once; open ones finish, within a bound.
    server.close(() => process.exit(signal === "SIGINT" ? 130 : 143));
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), 10_000).unref();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error("[chancery] the server could not start", error);
    process.exit(1);
  });
}

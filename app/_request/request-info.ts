import "server-only";
import { headers } from "next/headers";

/**
 * What the server knows of the request being served: its id (set by server.mjs, sent back as
 * X-Request-Id) and its path (set by proxy.ts). For log lines; undefined outside a request.
 */
export async function requestInfo(): Promise<{ requestId?: string; path?: string }> {
  try {
    const h = await headers();
    return { requestId: h.get("x-request-id") ?? undefined, path: h.get("x-request-path") ?? undefined };
  } catch {
    return {};
  }
}

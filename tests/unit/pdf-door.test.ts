import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PdfRenderPool } from "@/lib/pdf/pool";
// server.mjs is plain JavaScript (it runs without a TypeScript tool).
// @ts-expect-error -- no type declarations for the server entry
import * as server from "../../server.mjs";

const { refusePdfAtTheDoor } = server;

/**
 * server.mjs answers a PDF download the pool would refuse anyway before Next sees it. A real
 * HTTP server and a real pool (one place, on the gate worker): what the door does not answer
 * reaches the handler standing in for Next.
 */
describe("refusePdfAtTheDoor", () => {
  const pool = new PdfRenderPool({
    workerFile: path.resolve("tests/helpers/gate-worker.mjs"),
    threads: 1,
    maxQueue: 0,
    retryAfterSeconds: 4,
  });
  let base = "";
  const served: string[] = [];
  const httpServer = http.createServer((req, res) => {
    if (refusePdfAtTheDoor(req, res, pool)) return;
    served.push(`${req.method} ${req.url}`);
    res.end("next");
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => httpServer.close(resolve));
    await pool.close();
  });

  it("lets every request through while the pool has room", async () => {
    served.length = 0;
    expect((await fetch(`${base}/briefings/b1/pdf`)).status).toBe(200);
    expect(served).toEqual(["GET /briefings/b1/pdf"]);
  });

  it("answers downloads with 503, Retry-After and the route's JSON while the pool refuses, and lets the rest through", async () => {
    const ticket = pool.admit({ userId: "ada" }); // the only place: the pool refuses anyone now
    try {
      expect(pool.refusing).toBe(true);
      served.length = 0;
      for (const url of ["/briefings/b1/pdf", "/briefings/b1/pdf/counterpart", "/briefings/b1/pdf?x=1"]) {
        const response = await fetch(base + url);
        expect(response.status, url).toBe(503);
        expect(response.headers.get("retry-after")).toBe("4");
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(await response.json()).toEqual({ error: "The PDF service is busy. Try again in a few seconds." });
      }
      expect(served).toEqual([]);

      for (const url of ["/briefings/b1", "/briefings/b1/pdfs", "/briefings/b1/pdf/other", "/api/ready"])
        expect((await fetch(base + url)).status, url).toBe(200);
      expect((await fetch(`${base}/briefings/b1/pdf`, { method: "HEAD" })).status).toBe(200); // renders nothing
      expect(served).toEqual([
        "GET /briefings/b1",
        "GET /briefings/b1/pdfs",
        "GET /briefings/b1/pdf/other",
        "GET /api/ready",
        "HEAD /briefings/b1/pdf",
      ]);
    } finally {
      ticket.release();
    }
    expect((await fetch(`${base}/briefings/b1/pdf`)).status).toBe(200);
  });

  it("does nothing without a pool (a process that has not started one)", async () => {
    const res = { writeHead: () => expect.unreachable(), end: () => expect.unreachable() };
    expect(refusePdfAtTheDoor({ method: "GET", url: "/briefings/b1/pdf" }, res, undefined)).toBe(false);
  });
});

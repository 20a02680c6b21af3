import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BriefingDocument } from "../lib/briefing/document";
import { PdfRenderPool } from "../lib/pdf/pool";
import { percentile } from "./measure";

/** p99 latency of a tiny HTTP request while `renders` PDFs render back to back on the pool. */
export async function lightRequestP99(
  pool: PdfRenderPool,
  doc: BriefingDocument,
  seconds: number,
  renders = 2,
): Promise<{ p99: number; requests: number; pdfs: number }> {
  const server = http.createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const until = Date.now() + seconds * 1000;
  let pdfs = 0;
  const renderLoop = async () => {
    while (Date.now() < until) {
      await pool.render(doc);
      pdfs += 1;
    }
  };
  const latencies: number[] = [];
  const requestLoop = async () => {
    const agent = new http.Agent({ keepAlive: true });
    while (Date.now() < until) {
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, agent }, (res) => res.resume().on("end", resolve)).on("error", reject);
      });
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
    agent.destroy();
  };
  await Promise.all([...Array.from({ length: renders }, renderLoop), requestLoop()]);
  server.close();
  return { p99: percentile(latencies, 99), requests: latencies.length, pdfs };
}

/** Documents per second when `count` renders are submitted to the pool at once. */
export async function throughput(pool: PdfRenderPool, doc: BriefingDocument, count: number): Promise<number> {
  await Promise.all(Array.from({ length: pool.threads }, () => pool.render(doc)));
  const start = performance.now();
  await Promise.all(Array.from({ length: count }, () => pool.render(doc)));
  return count / ((performance.now() - start) / 1000);
}

/** RSS before and after `count` consecutive renders (after a warm-up that fills every thread). */
export async function rssGrowth(
  pool: PdfRenderPool,
  doc: BriefingDocument,
  count: number,
): Promise<{ before: number; after: number }> {
  for (let i = 0; i < 20; i++) await Promise.all(Array.from({ length: pool.threads }, () => pool.render(doc)));
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  for (let done = 0; done < count; done += pool.threads) {
    await Promise.all(Array.from({ length: pool.threads }, () => pool.render(doc)));
  }
  globalThis.gc?.();
  return { before, after: process.memoryUsage.rss() };
}

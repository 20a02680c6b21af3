/**
 * One render pool in a process of its own, driven over IPC by bench/pdf-baseline.ts:
 * `pdf-pool-child.ts <root>` loads the pool of the checkout at <root> (this repository at
 * another commit, or this one) and renders each document it is sent, answering with the
 * milliseconds the pool took. The parent sends { doc } and gets { ms } or { error }.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BriefingDocument } from "../lib/briefing/document";

interface Pool {
  render(doc: BriefingDocument): Promise<Buffer>;
  close(): Promise<void>;
}

const root = process.argv[2];
const { PdfRenderPool } = (await import(pathToFileURL(path.join(root, "lib/pdf/pool.ts")).href)) as {
  PdfRenderPool: new (options: { maxQueue: number }) => Pool;
};
const pool = new PdfRenderPool({ maxQueue: 64 });

process.on("message", (message: { doc?: BriefingDocument; close?: true }) => {
  if (message.close) {
    void pool.close().then(() => process.exit(0));
    return;
  }
  const started = performance.now();
  pool.render(message.doc!).then(
    () => process.send!({ ms: performance.now() - started }),
    (error: unknown) => process.send!({ error: String(error) }),
  );
});
process.send!({ ready: true });

/**
 * npm run bench:pdf [-- --quick] [-- --only=workflow] [-- --baseline=<commit>|none] — the PDF
 * pipeline against raw pdfkit and Chromium, the real workflow (bench/pdf-workflow.ts: cold, edit
 * and re-render, a second user, the first download after a start) beside Chromium, the cold
 * render beside today's renderer (the pool of commit TODAY_COMMIT, bench/pdf-baseline.ts), and
 * the worker pool under load. Prints figures beside the targets; it asserts nothing. --quick:
 * few rounds, figures indicative only.
 */
import os from "node:os";
import { PDFDocument } from "pdf-lib";
import { renderBriefingPdf } from "../lib/pdf/render";
import { PdfRenderPool } from "../lib/pdf/pool";
import { makeBriefingDoc } from "../tests/helpers/briefing-doc";
import { ChromiumPrinter, renderWithPdfkit } from "./baselines";
import { PoolProcess, TODAY_COMMIT, worktreeOf } from "./pdf-baseline";
import { firstDownload, rssWithCache, workflowScenarios, type SideBySide } from "./pdf-workflow";
import { kb, mb, timeSideBySide, type CaseResult } from "./measure";
import { lightRequestP99, rssGrowth, throughput } from "./pool-load";

const quick = process.argv.includes("--quick");
/** --baseline=<commit>: today's renderer to run side by side (default TODAY_COMMIT); --baseline=none: none. */
const baselineArg = process.argv.find((a) => a.startsWith("--baseline="))?.slice("--baseline=".length) ?? TODAY_COMMIT;

async function startSideBySide(): Promise<SideBySide | null> {
  if (baselineArg === "none") return null;
  const [ours, today] = await Promise.all([
    PoolProcess.start("ours", process.cwd()),
    PoolProcess.start(`commit ${baselineArg}`, worktreeOf(baselineArg)),
  ]);
  return { commit: baselineArg, ours, today };
}
const onlyWorkflow = process.argv.includes("--only=workflow");
const countPages = async (pdf: Buffer) => (await PDFDocument.load(pdf)).getPageCount();
const verdict = (ok: boolean) => (ok ? "OK  " : "MISS");

// Scales of the synthetic briefing that give about 5, 20 and 100 pages with our renderer.
// Warm-up runs first: V8 needs a couple of dozen renders in each worker thread before its
// code is optimised (a server renders many; the first few after a start are up to 2× slower).
const SIZES = [
  { label: "~5 pages", scale: 0.8, runs: quick ? 3 : 7, warmups: quick ? 5 : 20 },
  { label: "~20 pages", scale: 9, runs: quick ? 3 : 7, warmups: quick ? 5 : 15 },
  { label: "~100 pages", scale: 52, runs: quick ? 1 : 3, warmups: quick ? 1 : 3 },
];

function row(name: string, r: CaseResult): string {
  const pagesPerS = r.pages / (r.medianMs / 1000);
  return `  ${name.padEnd(10)} ${r.medianMs.toFixed(0).padStart(6)} ms  ${String(r.pages).padStart(4)} pages  ${pagesPerS.toFixed(0).padStart(5)} pages/s  peak RSS ${mb(r.peakRss).padStart(7)}  ${kb(r.bytes).padStart(7)}`;
}

/** (a) is what the server does: the render pool, parts on both threads at once. */
async function compareRenderers(pool: PdfRenderPool): Promise<Map<string, CaseResult>> {
  const chromium = await ChromiumPrinter.start();
  const ours = new Map<string, CaseResult>();
  try {
    for (const size of SIZES) {
      const doc = makeBriefingDoc({ scale: size.scale, status: "final", sourceCount: 40 });
      const { a, oneThread, b, c } = await timeSideBySide(
        size.runs,
        {
          a: () => pool.render(doc),
          oneThread: () => renderBriefingPdf(doc),
          b: () => renderWithPdfkit(doc),
          c: () => chromium.render(doc),
        },
        countPages,
        size.warmups,
      );
      ours.set(size.label, a);
      console.log(
        `\n${size.label} (scale ${size.scale}), median of ${size.runs} rounds (the four take turns) after ${size.warmups} warm-up runs each:`,
      );
      console.log(row("(a) ours", a));
      console.log(row("  1 thread", oneThread));
      console.log(row("(b) pdfkit", b));
      console.log(row("(c) chrome", c));
      console.log(`  a/b = ${(a.medianMs / b.medianMs).toFixed(2)}   c/a = ${(c.medianMs / a.medianMs).toFixed(2)}`);
      if (size.label === "~20 pages")
        console.log(`  ${verdict(a.medianMs <= 2 * b.medianMs)} target: 20 pages ≤ 2× pdfkit`);
    }
  } finally {
    await chromium.close();
  }
  return ours;
}

async function main() {
  console.log(
    `bench:pdf ${quick ? "(quick)" : ""} — node ${process.version}, ${os.availableParallelism()} cores; peak RSS is this Node process (Chromium's own processes not included)`,
  );
  const chromium = await ChromiumPrinter.start();
  const today = await startSideBySide();
  try {
    await workflowScenarios(chromium, quick ? 3 : 9, quick ? 3 : 10, today);
  } finally {
    await Promise.all([chromium.close(), today?.ours.close(), today?.today.close()]);
  }
  await firstDownload(quick ? 1 : 5, quick ? 3 : 7, quick ? 8 : 20);
  if (onlyWorkflow) {
    await rssWithCache(quick ? 100 : 1000, 16, quick ? 1 : 2);
    return;
  }

  const pool = new PdfRenderPool({ maxQueue: 64 });
  const ours = await compareRenderers(pool);
  const t20 = ours.get("~20 pages")!.medianMs;
  const t100 = ours.get("~100 pages")!;
  console.log(
    `\n${verdict(t100.medianMs < 1500)} target: 100 pages < 1.5 s — ${t100.medianMs.toFixed(0)} ms for ${t100.pages} pages`,
  );
  console.log(
    `${verdict(t100.medianMs <= 5.5 * t20)} target: 100 pages ≤ 5.5× the 20-page time — ${(t100.medianMs / t20).toFixed(2)}×`,
  );

  const small = makeBriefingDoc({ scale: 0.8, status: "final" });
  const single = new PdfRenderPool({ threads: 1, maxQueue: 64 });
  try {
    const load = await lightRequestP99(pool, small, quick ? 5 : 15);
    console.log(
      `\n${verdict(load.p99 < 100)} target: light request p99 < 100 ms while 2 PDFs render — p99 ${load.p99.toFixed(1)} ms over ${load.requests} requests (${load.pdfs} PDFs meanwhile)`,
    );

    const count = quick ? 8 : 20;
    const pooled = await throughput(pool, small, count);
    const one = await throughput(single, small, count);
    console.log(
      `${verdict(pooled >= 1.5 * one)} target: pool ≥ 1.5× one thread — ${pooled.toFixed(2)} vs ${one.toFixed(2)} PDFs/s (${(pooled / one).toFixed(2)}×, ${pool.threads} threads)`,
    );

    // One pool at a time from here, so the RSS figures are the default pool's alone.
    await single.close();
    const renders = quick ? 200 : 1000;
    const rss = await rssGrowth(pool, small, renders);
    const growth = (rss.after - rss.before) / rss.before;
    console.log(
      `${verdict(growth < 0.1)} target: RSS growth < 10 % over ${renders} renders — ${mb(rss.before)} → ${mb(rss.after)} (${(growth * 100).toFixed(1)} %, threads recycled every ${pool.recycleAfter} renders)`,
    );
    await rssWithCache(renders, 16, quick ? 1 : 2);
  } finally {
    await Promise.all([pool.close(), single.close()]);
  }
}

await main();

/**
 * One RSS run of bench:pdf (bench/pdf-workflow.ts measureRss), in a process of its own:
 * `tsx bench/pdf-rss.ts <renders> <cache MB>` renders `renders` short briefings of new content,
 * two at a time on the default pool (with a part cache of `cache MB`, none for 0), and prints
 * one JSON line: RSS at the start, after the first hundred, at the peak and at the end.
 */
import { PartCache } from "../lib/pdf/part-cache";
import { PdfRenderPool } from "../lib/pdf/pool";
import { WARM_UP_DOCUMENT } from "../lib/pdf/warm-up";
import { makeBriefingDoc } from "../tests/helpers/briefing-doc";
import { uniqueDoc, type RssRun } from "./pdf-workflow";

const count = Number(process.argv[2] ?? 1000);
const cacheMb = Number(process.argv[3] ?? 0);
const base = makeBriefingDoc({ scale: 0.8, status: "final" });
const pool = new PdfRenderPool({
  maxQueue: 64,
  partCache: cacheMb > 0 ? new PartCache(cacheMb * 1024 * 1024) : null,
});
const round = (label: string) =>
  Promise.all(Array.from({ length: pool.threads }, (_, t) => pool.render(uniqueDoc(base, `${label}-${t}`))));
try {
  await pool.render(WARM_UP_DOCUMENT);
  globalThis.gc?.();
  const start = process.memoryUsage.rss();
  for (let i = 0; i < 100; i += pool.threads) await round(`w${i}`);
  globalThis.gc?.();
  const after100 = process.memoryUsage.rss();
  let peak = after100;
  for (let done = 0; done < count; done += pool.threads) {
    await round(String(done));
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  globalThis.gc?.();
  const end = process.memoryUsage.rss();
  const stats = pool.partCache?.stats() ?? null;
  const run: RssRun = {
    start,
    after100,
    peak,
    end,
    cache: stats && { bytes: stats.bytes, entries: stats.entries, evictions: stats.evictions },
  };
  console.log(JSON.stringify(run));
} finally {
  await pool.close();
}

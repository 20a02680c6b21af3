/**
 * One RSS run of bench:pdf (bench/pdf-workflow.ts measureRss), in a process of its own:
 * `tsx bench/pdf-rss.ts <renders> <cache MB>` renders `renders` short briefings of new content,
 * two at a time on the default pool (with a part cache of `cache MB`, none for 0), and prints
 * one JSON line: RSS at the start, after the first hundred, at the peak and at the end.
 */
import { BroadcastChannel } from "node:worker_threads";
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
const requests = new BroadcastChannel("chancery-bench-collect");
const answers = new BroadcastChannel("chancery-bench-collected");

const round = (label: string) =>
  Promise.all(Array.from({ length: pool.threads }, (_, t) => pool.render(uniqueDoc(base, `${label}-${t}`))));

/**
 * A full collection in every render thread (bench/pdf-rss-worker.mjs) and in this one, then the
 * RSS. An idle render thread sleeps in Atomics.wait (Piscina) and reads no messages, so a round
 * of renders carries the request: each thread collects when its event loop turns between two
 * of its parts, while the round's own few MB are live.
 */
async function collectedRss(label: string): Promise<number> {
  const collected = new Promise<void>((resolve, reject) => {
    let waiting = pool.threads;
    answers.onmessage = (event) => {
      if (!(typeof event === "object" && event !== null && "data" in event && event.data === true))
        reject(new Error("The render threads have no gc(): run with --expose-gc."));
      if (--waiting === 0) resolve();
    };
  });
  let done = false;
  void collected.then(() => (done = true));
  requests.postMessage("collect");
  // Rounds until every thread has answered (a round may leave one thread without a part).
  for (let i = 0; !done; i++) {
    if (i === 10) throw new Error("The render threads did not answer the request to collect.");
    await round(`collect-${label}-${i}`);
    await Promise.race([collected, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  globalThis.gc?.();
  return process.memoryUsage.rss();
}
try {
  await pool.render(WARM_UP_DOCUMENT);
  const start = await collectedRss("start");
  for (let i = 0; i < 100; i += pool.threads) await round(`w${i}`);
  const after100 = await collectedRss("after100");
  let peak = after100;
  for (let done = 0; done < count; done += pool.threads) {
    await round(String(done));
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  const end = await collectedRss("end");
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
  requests.close();
  answers.close();
  await pool.close();
}

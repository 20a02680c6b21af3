import { afterEach, describe, expect, it } from "vitest";
import { LIBRARY_PATCH_NAMES } from "@/lib/pdf/library-patches/library-patch";
import { PdfRenderPool } from "@/lib/pdf/pool";
import { WARM_UP_DOCUMENT } from "@/lib/pdf/warm-up";

let pool: PdfRenderPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("the render pool's status, for readiness", () => {
  it("counts a thread as loaded once its renderer has loaded, before its warm-up briefing is done", async () => {
    pool = new PdfRenderPool({ threads: 1, warmUp: true });
    expect(pool.status()).toMatchObject({
      threads: 1,
      loaded: 0,
      closing: false,
      libraryPatches: null,
      pipelineWarm: false,
    });
    await expect.poll(() => pool!.status().loaded, { timeout: 60_000, interval: 5 }).toBe(1);
    expect(pool.status().warm).toBe(0); // loaded, still printing its warm-up briefing
    // A loaded thread has checked and applied the library patches: all on, on this fontkit and pdfkit.
    expect(pool.status().libraryPatches).toEqual([...LIBRARY_PATCH_NAMES]);
    await pool.render(WARM_UP_DOCUMENT); // a thread takes work once warm
    // The pool prints its own warm-up briefings the way a download does once its threads are
    // warm, and says when it is done.
    await expect.poll(() => pool!.status().pipelineWarm, { timeout: 60_000, interval: 10 }).toBe(true);
    expect(pool.status()).toMatchObject({ threads: 1, alive: 1, loaded: 1, warm: 1, queued: 0, placesInUse: 0 });
  });

  it("has nothing to warm without a warm-up", () => {
    pool = new PdfRenderPool({ threads: 1 });
    expect(pool.status().pipelineWarm).toBe(true);
  });

  it("says so once the pool is closed", async () => {
    pool = new PdfRenderPool({ threads: 1 });
    await pool.close();
    expect(pool.status()).toMatchObject({ closing: true, alive: 0, loaded: 0 });
  });
});

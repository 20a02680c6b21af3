import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LIBRARY_PATCH_NAMES } from "@/lib/pdf/library-patches/library-patch";
import { PdfRenderPool } from "@/lib/pdf/pool";
import { BUILT_WORKER_NAME, defaultWorkerFile, RenderThreads } from "@/lib/pdf/pool-threads";
import { RENDER_THREAD_NICE } from "@/lib/pdf/render-priority";
import type { LibraryPatchProbe } from "@/lib/pdf/render-worker";
import { buildServerCode, OPERATOR_SCRIPTS } from "../../scripts/build-server-code.mjs";
import { makeBriefingDoc } from "../helpers/briefing-doc";
import { allPageTexts, writeTempPdf } from "../helpers/pdf-tools";

/**
 * The worker production threads load is the esbuild bundle `npm run build` makes
 * (scripts/build-server-code.mjs), built here into a folder of the test's own. The folder is
 * inside the repository: the bundle leaves packages external, and Node finds them by walking
 * up from the bundle to node_modules, as it does from .next/chancery.
 */
const root = path.resolve("data");
let app: string;

beforeAll(async () => {
  fs.mkdirSync(root, { recursive: true });
  app = fs.mkdtempSync(path.join(root, "worker-build-"));
  await buildServerCode({ outDir: path.join(app, "dist", "chancery") });
}, 60_000);

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(app, { recursive: true, force: true });
});

describe("the built PDF worker", () => {
  it("is what production threads load, from the app's build folder, with a clear error when it was not built", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("CHANCERY_PDF_WORKER", "");
    vi.stubEnv("CHANCERY_APP_DIR", app);
    vi.stubEnv("NEXT_DIST_DIR", "not-built");
    expect(() => defaultWorkerFile()).toThrow(/not-built\/chancery\/pdf-worker\.mjs is missing: run `npm run build`/);
    vi.stubEnv("NEXT_DIST_DIR", "dist");
    expect(defaultWorkerFile()).toBe(path.join(app, "dist", "chancery", BUILT_WORKER_NAME));
    // Outside production (Vitest, the dev server, tsx scripts) the TypeScript source, through tsx.
    vi.stubEnv("NODE_ENV", "test");
    expect(defaultWorkerFile()).toBe(path.resolve("lib/pdf/render-worker.mjs"));
    vi.unstubAllEnvs();
  });

  it("renders with the fontkit and pdfkit that the library patches apply to, and prints a briefing", async () => {
    const workerFile = path.join(app, "dist", "chancery", BUILT_WORKER_NAME);
    const threads = new RenderThreads({ threads: 1, workerFile, warmUp: false, recycleAfter: 1_000 });
    const pool = new PdfRenderPool({ threads: 1, workerFile });
    try {
      const probe = (await threads.run(
        { kind: "probe" },
        { signal: new AbortController().signal },
      )) as unknown as LibraryPatchProbe;
      // The render thread runs at a lower priority than the thread serving pages; the test
      // runner's own thread keeps its own.
      expect(probe).toEqual({
        active: [...LIBRARY_PATCH_NAMES],
        used: [...LIBRARY_PATCH_NAMES],
        nice: RENDER_THREAD_NICE,
      });
      expect(os.getPriority()).not.toBe(RENDER_THREAD_NICE);
      const pdf = await pool.render(makeBriefingDoc());
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const { file, remove } = writeTempPdf(pdf);
      try {
        const pages = allPageTexts(file);
        expect(pages.length).toBeGreaterThan(3);
        expect(pages[0]).toContain(makeBriefingDoc().title);
      } finally {
        remove();
      }
    } finally {
      await Promise.all([threads.close(), pool.close()]);
    }
  }, 90_000);

  it("is built for every operator script an npm script runs, and for nothing missing", () => {
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    const launched = Object.values(pkg.scripts).flatMap((command) =>
      [...command.matchAll(/scripts\/run\.mjs ([\w-]+)/g)].map((m) => m[1]),
    );
    expect(launched.length).toBeGreaterThan(0);
    expect([...launched].sort()).toEqual([...OPERATOR_SCRIPTS].sort());
    for (const name of OPERATOR_SCRIPTS) {
      expect(fs.existsSync(path.join(app, "dist", "chancery", "scripts", `${name}.mjs`)), name).toBe(true);
    }
  });
});

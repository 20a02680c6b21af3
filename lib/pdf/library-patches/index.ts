import { installPdfkitFontReuse } from "./pdfkit-font-reuse";
import { installWordShapingCache } from "./fontkit-layout-word-cache";

/**
 * Speed-ups for react-pdf's pipeline that do not change its output: a word-level shaping
 * cache and pdfkit font reuse (see each file for the measurements behind them). Idempotent;
 * call once per thread before rendering.
 */
export function installRenderTuning(sampleFontPath: string): void {
  installWordShapingCache(sampleFontPath);
  installPdfkitFontReuse();
}

import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { applyLibraryPatches } from "./library-patches";

/** The one family every PDF text uses: DejaVu covers Latin, Cyrillic and typographic quotes. */
export const FONT_FAMILY = "DejaVu Sans";

const require = createRequire(import.meta.url);

/** Absolute path of a DejaVu TTF shipped in node_modules — never fetched from the network. */
export function dejavuFontPath(file: string): string {
  const packageJson = require.resolve("dejavu-fonts-ttf/package.json");
  return path.join(path.dirname(packageJson), "ttf", file);
}

let registered = false;

/** Registers DejaVu Sans with react-pdf once per process (or worker thread). */
export function registerPdfFonts(): void {
  if (registered) return;
  applyLibraryPatches(dejavuFontPath("DejaVuSans.ttf"));
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: dejavuFontPath("DejaVuSans.ttf"), fontWeight: "normal", fontStyle: "normal" },
      { src: dejavuFontPath("DejaVuSans-Bold.ttf"), fontWeight: "bold", fontStyle: "normal" },
      { src: dejavuFontPath("DejaVuSans-Oblique.ttf"), fontWeight: "normal", fontStyle: "italic" },
    ],
  });
  // Names, places and URLs must never be split with a hyphen: a word is one unbreakable piece.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

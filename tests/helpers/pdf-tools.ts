import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Writes PDF bytes to a temporary file for the poppler tools; removed by the returned cleanup. */
export function writeTempPdf(pdf: Buffer): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-pdf-"));
  const file = path.join(dir, "briefing.pdf");
  fs.writeFileSync(file, pdf);
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** Text of one page (1-based) in content-stream order: `pdftotext -raw`. */
export function pageText(file: string, page: number): string {
  return run("pdftotext", ["-raw", "-f", String(page), "-l", String(page), file, "-"]);
}

/** Text of every page, index 0 = page 1 (pdftotext separates pages with form feeds). */
export function allPageTexts(file: string): string[] {
  const pages = run("pdftotext", ["-raw", file, "-"]).split("\f");
  // pdftotext ends with a form feed, leaving one empty tail.
  if (pages.at(-1) === "") pages.pop();
  return pages;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * The lines a reader sees on every page: words from `pdftotext -bbox` that share a baseline,
 * left to right. Unlike `-raw` this does not depend on the order text was drawn in, and
 * unlike `-layout` a rotated watermark's letters cannot join a line unless on that baseline.
 */
export function allPageLines(file: string): string[][] {
  const html = run("pdftotext", ["-bbox", file, "-"]);
  return html
    .split("<page ")
    .slice(1)
    .map((page) => {
      const words = [
        ...page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ]
        .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: decodeEntities(m[3]) }))
        .sort((a, b) => a.y - b.y);
      // Words within half a point of each other's baseline share a line.
      const lines: { y: number; words: typeof words }[] = [];
      for (const word of words) {
        const line = lines.at(-1);
        if (line && word.y - line.y < 0.5) line.words.push(word);
        else lines.push({ y: word.y, words: [word] });
      }
      return lines.map((line) =>
        line.words
          .sort((a, b) => a.x - b.x)
          .map((w) => w.text)
          .join(" "),
      );
    });
}

/**
 * Every page's words with their boxes, as `pdftotext -bbox` prints them (coordinates to a
 * millionth of a point): two renders that agree here put the same words in the same places.
 */
export function allPageWordBoxes(file: string): string[] {
  return run("pdftotext", ["-bbox", file, "-"]).split("<page ").slice(1);
}

/** `pdfinfo` fields as a map: "Pages" → "12", "Title" → … */
export function pdfInfo(file: string): Map<string, string> {
  const info = new Map<string, string>();
  for (const line of run("pdfinfo", [file]).split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info.set(match[1].trim(), match[2].trim());
  }
  return info;
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

/** `pdffonts` rows: the font name, its type and whether it is embedded. */
export function pdfFonts(file: string): FontRow[] {
  const lines = run("pdffonts", [file])
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "");
  return lines.map((line) => {
    // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object ID (2 cols).
    const cols = line.trim().split(/\s+/);
    const emb = cols[cols.length - 5];
    return { name: cols[0], type: cols.slice(1, cols.length - 6).join(" "), embedded: emb === "yes" };
  });
}

/**
 * Words that reach into a page's right `margin` points (or past its edge): text the layout
 * failed to wrap (left-to-right text overflows to the right; the draft watermark's letters
 * stand further left). From `pdftotext -bbox`, which reports each word's box.
 */
export function wordsPastMargin(file: string, margin: number): { page: number; word: string }[] {
  const html = run("pdftotext", ["-bbox", file, "-"]);
  const out: { page: number; word: string }[] = [];
  let page = 0;
  let width = 0;
  for (const match of html.matchAll(
    /<page width="([\d.]+)"|<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g,
  )) {
    if (match[1]) {
      page += 1;
      width = Number(match[1]);
    } else if (Number(match[2]) > width - margin) out.push({ page, word: match[3] });
  }
  return out;
}

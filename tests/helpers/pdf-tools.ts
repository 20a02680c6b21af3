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
  const lines = run("pdffonts", [file]).split("\n").slice(2).filter((l) => l.trim() !== "");
  return lines.map((line) => {
    // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object ID (2 cols).
    const cols = line.trim().split(/\s+/);
    const emb = cols[cols.length - 5];
    return { name: cols[0], type: cols.slice(1, cols.length - 6).join(" "), embedded: emb === "yes" };
  });
}

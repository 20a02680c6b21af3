import PDFDocument from "pdfkit";
import { chromium, type Browser, type Page } from "playwright-core";
import { documentOutline, type BriefingDocument } from "../lib/briefing/document";
import { dejavuFontPath } from "../lib/pdf/fonts";

/** Every line the briefing prints, in order — the same words each baseline lays out. */
export function briefingLines(doc: BriefingDocument): { heading: boolean; text: string }[] {
  const lines: { heading: boolean; text: string }[] = [{ heading: true, text: doc.title }, { heading: false, text: doc.purpose }];
  for (const entry of documentOutline(doc)) lines.push({ heading: true, text: entry.title });
  lines.push(...doc.keyMessages.map((text) => ({ heading: false, text })), { heading: false, text: doc.background });
  for (const section of doc.sections) {
    lines.push({ heading: true, text: section.title });
    for (const f of section.facts) lines.push({ heading: false, text: `${f.date}${f.dated ? " (dated)" : ""} — ${f.text} [${f.citation.number}]${f.meeting ? ` Meeting: ${f.meeting}.` : ""}${f.note ? ` Note: ${f.note}` : ""}` });
  }
  for (const t of doc.timeline) lines.push({ heading: false, text: `${t.date} ${t.name} ${t.place ?? ""} ${t.format} ${t.status}` });
  for (const w of doc.whosWho) lines.push({ heading: false, text: `${w.name} (${w.party}) — ${w.title}, as of ${w.asOf}` });
  for (const s of doc.sources) lines.push({ heading: false, text: `[${s.number}] ${s.publisher}. ${s.title}. ${s.date}. ${s.url ?? ""}` });
  return lines;
}

/** Baseline (b): raw pdfkit, simple flowing layout, the same DejaVu font, no contents or chrome. */
export function renderWithPdfkit(doc: BriefingDocument): Promise<Buffer> {
  return new Promise((resolve) => {
    const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: doc.title } });
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.registerFont("body", dejavuFontPath("DejaVuSans.ttf"));
    pdf.registerFont("bold", dejavuFontPath("DejaVuSans-Bold.ttf"));
    for (const line of briefingLines(doc)) {
      pdf.font(line.heading ? "bold" : "body").fontSize(line.heading ? 15 : 10).text(line.text, { lineGap: 3, paragraphGap: 5 });
    }
    pdf.end();
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

export function briefingHtml(doc: BriefingDocument): string {
  const body = briefingLines(doc).map((l) => (l.heading ? `<h2>${escapeHtml(l.text)}</h2>` : `<p>${escapeHtml(l.text)}</p>`)).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: "DejaVu Sans"; font-size: 10pt; line-height: 14pt; margin: 0; }
    h2 { font-size: 15pt; margin: 14pt 0 8pt; } p { margin: 0 0 5pt; }
  </style></head><body>${body}</body></html>`;
}

/** Baseline (c): Chromium print-to-PDF with a warm browser and one reused page. */
export class ChromiumPrinter {
  private constructor(private readonly browser: Browser, private readonly page: Page) {}

  static async start(): Promise<ChromiumPrinter> {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking"] });
    return new ChromiumPrinter(browser, await browser.newPage());
  }

  async render(doc: BriefingDocument): Promise<Buffer> {
    await this.page.setContent(briefingHtml(doc));
    return this.page.pdf({ format: "A4", margin: { top: "20mm", bottom: "20mm", left: "20mm", right: "20mm" } });
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

import PDFDocument from "pdfkit";
import { chromium, type Browser, type Page } from "playwright-core";
import type { BriefingDocument } from "../lib/briefing/document";
import { dejavuFontPath } from "../lib/pdf/fonts";
import { briefingBlocks, runningChrome } from "./briefing-text";

/**
 * Baseline (b): raw pdfkit, simple flowing layout, the same DejaVu font and the same text,
 * with the running header and footer ("Page X of Y" included) drawn on every page.
 */
export function renderWithPdfkit(doc: BriefingDocument): Promise<Buffer> {
  return new Promise((resolve) => {
    const pdf = new PDFDocument({
      size: "A4",
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      bufferPages: true,
      info: { Title: doc.title },
    });
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.registerFont("body", dejavuFontPath("DejaVuSans.ttf"));
    pdf.registerFont("bold", dejavuFontPath("DejaVuSans-Bold.ttf"));
    for (const block of briefingBlocks(doc)) {
      pdf
        .font(block.heading ? "bold" : "body")
        .fontSize(block.heading ? 15 : 10)
        .text(block.text, { lineGap: 3, paragraphGap: 5 });
    }
    // Page numbers need the total: pdfkit's buffered pages are revisited once it is known.
    const { start, count } = pdf.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      pdf.switchToPage(i);
      // Text in the bottom margin would make pdfkit start a new page; the footer may sit there.
      pdf.page.margins.bottom = 0;
      const chrome = runningChrome(doc, i + 1, count);
      pdf.font("body").fontSize(7.5);
      chrome.top.forEach((line, n) =>
        pdf.text(line, 56, 16 + n * 11, { width: 483, align: "center", lineBreak: false }),
      );
      chrome.bottom.forEach((line, n) =>
        pdf.text(line, 56, 800 + n * 11, { width: 483, align: "center", lineBreak: false }),
      );
    }
    pdf.end();
  });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

export function briefingHtml(doc: BriefingDocument): string {
  const body = briefingBlocks(doc)
    .map((b) => (b.heading ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`))
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: "DejaVu Sans"; font-size: 10pt; line-height: 14pt; margin: 0; }
    h2 { font-size: 15pt; margin: 14pt 0 8pt; } p { margin: 0 0 5pt; }
  </style></head><body>${body}</body></html>`;
}

/** Chromium's running header and footer: the same lines, numbers filled in by Chromium. */
function chromeTemplates(doc: BriefingDocument) {
  const style = `font-family: 'DejaVu Sans'; font-size: 7.5pt; width: 100%; text-align: center;`;
  const [marking, title] = runningChrome(doc, 1, 1).top.map(escapeHtml);
  return {
    headerTemplate: `<div style="${style}">${marking}<br>${title}</div>`,
    footerTemplate: `<div style="${style}">${marking}<br>${escapeHtml(doc.country.name)} Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
  };
}

/** Baseline (c): Chromium print-to-PDF with a warm browser and one reused page. */
export class ChromiumPrinter {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async start(): Promise<ChromiumPrinter> {
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking"],
    });
    return new ChromiumPrinter(browser, await browser.newPage());
  }

  async render(doc: BriefingDocument): Promise<Buffer> {
    await this.page.setContent(briefingHtml(doc));
    return this.page.pdf({
      format: "A4",
      displayHeaderFooter: true,
      ...chromeTemplates(doc),
      margin: { top: "20mm", bottom: "20mm", left: "20mm", right: "20mm" },
    });
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

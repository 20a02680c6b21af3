// The few pdfkit calls the benchmark's baseline makes. pdfkit ships no types and is only
// present as @react-pdf/renderer's dependency, so it is declared here rather than typed via @types.
declare module "pdfkit" {
  interface TextOptions {
    width?: number;
    lineGap?: number;
    paragraphGap?: number;
  }
  class PDFDocument {
    constructor(options?: { size?: string; margin?: number; autoFirstPage?: boolean; info?: Record<string, string> });
    registerFont(name: string, path: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, options?: TextOptions): this;
    moveDown(lines?: number): this;
    addPage(): this;
    end(): void;
    on(event: "data", listener: (chunk: Buffer) => void): this;
    on(event: "end", listener: () => void): this;
  }
  export default PDFDocument;
}

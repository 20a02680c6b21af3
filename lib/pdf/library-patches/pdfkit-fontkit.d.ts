// pdfkit and fontkit ship no types; they are react-pdf's writer and shaper, pinned to the
// versions it depends on (one copy each: `overrides` in package.json). Declared here: the few
// calls the benchmark's baseline makes, and what the library patches beside this file reach.
declare module "pdfkit" {
  interface TextOptions {
    width?: number;
    lineGap?: number;
    paragraphGap?: number;
    align?: "left" | "center" | "right";
    lineBreak?: boolean;
  }
  class PDFDocument {
    constructor(options?: {
      size?: string;
      margin?: number;
      margins?: Record<"top" | "bottom" | "left" | "right", number>;
      bufferPages?: boolean;
      autoFirstPage?: boolean;
      info?: Record<string, string>;
    });
    registerFont(name: string, path: string): this;
    font(src: unknown, family?: unknown, size?: number): this;
    fontSize(size: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(index: number): this;
    page: { margins: Record<"top" | "bottom" | "left" | "right", number> };
    moveDown(lines?: number): this;
    addPage(): this;
    end(): void;
    on(event: "data", listener: (chunk: Buffer) => void): this;
    on(event: "end", listener: () => void): this;
  }
  export default PDFDocument;
}

declare module "fontkit" {
  /** A parsed font; opaque here, its prototype is what the shaping cache wraps. */
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): object;
}

import { renderToBuffer } from "@react-pdf/renderer";
import { registerPdfFonts } from "../fonts";
import type { PartInput } from "./part-input";
import { PartPdf } from "./part-pdf";

/** Renders one part of a briefing to PDF bytes in this thread, from its render input alone. */
export async function renderPart(input: PartInput): Promise<Uint8Array> {
  registerPdfFonts();
  // Called as a function, not createElement: renderToBuffer wants the <Document> element itself.
  return renderToBuffer(PartPdf({ input }));
}

/** Renders several parts one after another (one render task of the pool). */
export async function renderParts(inputs: PartInput[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const input of inputs) out.push(await renderPart(input));
  return out;
}

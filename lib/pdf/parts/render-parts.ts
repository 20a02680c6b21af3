import { renderToBuffer } from "@react-pdf/renderer";
import { registerPdfFonts } from "../fonts";
import type { PartInput } from "./part-input";
import { PartPdf } from "./part-pdf";

/**
 * Lets the event loop turn once. Each react-pdf render mounts a React root that React's root
 * scheduler keeps in its list until its own task (a setImmediate) has run; renders one after
 * another with no turn in between kept every root, with its whole element tree: ~130 KB per
 * part, for good, on a thread that renders part after part (the tests, the CLI, a render
 * task's share of the list).
 */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Renders one part of a briefing to PDF bytes in this thread, from its render input alone. */
export async function renderPart(input: PartInput): Promise<Uint8Array> {
  registerPdfFonts();
  // Called as a function, not createElement: renderToBuffer wants the <Document> element itself.
  const bytes = await renderToBuffer(PartPdf({ input }));
  await turn();
  return bytes;
}

/**
 * Renders parts one after another (one render task of the pool). Without `claims`, every one,
 * in order. With `claims`, other tasks share `inputs`: each takes the next part nobody has
 * claimed yet (claims[0], counted with Atomics across threads) until none is left, and has
 * null where another task took the part. So whichever thread is free renders, however wrong
 * the estimate of the parts' cost, or late the other task's start.
 */
export function renderParts(inputs: PartInput[]): Promise<Uint8Array[]>;
export function renderParts(inputs: PartInput[], claims?: Int32Array): Promise<(Uint8Array | null)[]>;
export async function renderParts(inputs: PartInput[], claims?: Int32Array): Promise<(Uint8Array | null)[]> {
  if (!claims) {
    const out: Uint8Array[] = [];
    for (const input of inputs) out.push(await renderPart(input));
    return out;
  }
  const out: (Uint8Array | null)[] = inputs.map(() => null);
  for (let at = Atomics.add(claims, 0, 1); at < inputs.length; at = Atomics.add(claims, 0, 1)) {
    out[at] = await renderPart(inputs[at]);
  }
  return out;
}

/**
 * Matched words come back from FTS5's highlight()/snippet() between two marker characters.
 * The markers are bidirectional isolates (U+2066, U+2069), which the CHECK constraints on
 * facts' text and quote refuse (cleanTextCheck in db/schema/columns.ts): any marker in the
 * output was put there by FTS5, so splitting on them never misreads stored text, and the
 * parts are rendered as text (never as HTML).
 */
export const MARK_OPEN = "\u2066";
export const MARK_CLOSE = "\u2069";

export interface MarkedPart {
  text: string;
  marked: boolean;
}

/** Splits highlighted text into plain and matched parts (empty parts dropped). */
export function splitMarked(highlighted: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, marked });
    text = "";
  };
  for (const ch of highlighted) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      flush();
      marked = ch === MARK_OPEN;
    } else text += ch;
  }
  flush();
  return parts;
}

/** Whether highlighted text holds any match. */
export const hasMatch = (highlighted: string | null | undefined): highlighted is string =>
  !!highlighted && highlighted.includes(MARK_OPEN);

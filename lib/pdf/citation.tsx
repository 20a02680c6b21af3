import { Fragment } from "react";
import { Link, StyleSheet } from "@react-pdf/renderer";

/**
 * Citation numbers are stamped at assembly (assembly/citations.ts), not rendered into parts:
 * sources are numbered by first citation across the whole briefing, so one newly cited source
 * early on renumbers every later citation, and a part printing its numbers could not be reused
 * (issue 18). A part prints a blank as wide as the widest piece of label each number could need
 * ("[3," "7]": a list wraps between numbers as before), as a link whose address says which of
 * the part's own numbers it is; the assembly puts the briefing's number in the blank's place in
 * the page's content and drops the link.
 */
export const CITATION_SCHEME = "chancery-cite:";

// DejaVu Sans advance widths (units per em 2048): a blank is no-break spaces, which neither
// wrap nor collapse at a line's end; the label piece it holds is a bracket, digits, a comma.
const NBSP = 651;
const DIGIT = 1303;
const BRACKET = 799;
const COMMA = 651;

/** One number's piece of a label: "[3]" alone; "[3," "7," "9]" in a list (spaces between, from the part). */
export interface CitationPiece {
  open: "" | "[";
  number: number;
  close: "," | "]";
}

/** The pieces of "[3, 7]": one per number, so a long list wraps between them as the label did. */
export function citationPieces(numbers: readonly number[]): CitationPiece[] {
  return numbers.map((number, i) => ({
    open: i === 0 ? "[" : "",
    number,
    close: i === numbers.length - 1 ? "]" : ",",
  }));
}

export const pieceText = ({ open, number, close }: CitationPiece) => `${open}${number}${close}`;

/** No-break spaces at least as wide as the piece with a number of `digits` digits. */
export function citationBlank({ open, close }: Pick<CitationPiece, "open" | "close">, digits: number): string {
  const width = (open ? BRACKET : 0) + digits * DIGIT + (close === "]" ? BRACKET : COMMA);
  return "\u00a0".repeat(Math.ceil(width / NBSP));
}

/** The digits the widest number among `sources` sources takes (at least 2: a blank for "[12]"). */
export function citationDigits(sources: number): number {
  return Math.max(2, String(sources).length);
}

/** The blank's link address: the piece with the part's own number. */
export const citationAddress = (piece: CitationPiece) => `${CITATION_SCHEME}${pieceText(piece)}`;

/** Reads an address written by citationAddress; null for any other link. */
export function parseCitationAddress(uri: string): CitationPiece | null {
  const match = uri.startsWith(CITATION_SCHEME) ? /^(\[?)(\d+)([,\]])$/.exec(uri.slice(CITATION_SCHEME.length)) : null;
  return match
    ? { open: match[1] as CitationPiece["open"], number: Number(match[2]), close: match[3] as CitationPiece["close"] }
    : null;
}

/**
 * The blank's colour: one no text uses, so the assembly finds the blank's run in the page's
 * content by it (assembly/citations.ts), then prints the label in the ink around it.
 */
export const BLANK_COLOUR = "#1a1a1b";

const styles = StyleSheet.create({ blank: { textDecoration: "none", color: BLANK_COLOUR } });

/**
 * The blanks where "[3]" or "[3, 7]" is stamped, one per number with a space between;
 * `numbers` are the part's own (part-input.ts), `digits` from citationDigits.
 */
export function CitationBlank({ numbers, digits }: { numbers: readonly number[]; digits: number }) {
  return (
    <>
      {citationPieces(numbers).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 ? " " : null}
          <Link src={citationAddress(piece)} style={styles.blank}>
            {citationBlank(piece, digits)}
          </Link>
        </Fragment>
      ))}
    </>
  );
}

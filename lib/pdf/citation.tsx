import { Fragment } from "react";
import { Text } from "@react-pdf/renderer";

/**
 * Citation numbers are stamped at assembly (assembly/citations.ts), not rendered into parts:
 * sources are numbered by first citation across the whole briefing, so one newly cited source
 * early on renumbers every later citation, and a part printing its numbers could not be reused
 * (issue 18). A part prints a blank as wide as the widest piece of label each number could need
 * ("[3," "7]": a list wraps between numbers as before), in a colour that says which of the
 * part's own numbers it is (blankColour); the assembly puts the briefing's number in the blank's
 * place in the page's content, in the ink around it. A blank is no-break spaces, which draw
 * nothing whatever their colour. (It was a link whose address named the number: two PDF
 * objects per citation, more than half of a part's objects, which the assembly parsed only to
 * drop them: a quarter of a cold assembly.)
 */

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

/**
 * The red channel of every blank's colour, and of no colour text is printed in (theme.ts): the
 * assembly finds blanks in a page's content by it (assembly/citations.ts).
 */
export const BLANK_RED = 0x1b;
/** Numbers a blank's colour can name: 14 bits of green and blue, the other two for the brackets. */
export const MAX_BLANK_NUMBER = (1 << 14) - 1;

/** The blank's colour: BLANK_RED, and the piece (the part's own number, its brackets) in green and blue. */
export function blankColour({ open, number, close }: CitationPiece): string {
  if (!Number.isInteger(number) || number < 1 || number > MAX_BLANK_NUMBER) {
    throw new Error(`A citation number must be 1 to ${MAX_BLANK_NUMBER}, not ${number}`);
  }
  const value = (number << 2) | (open === "[" ? 2 : 0) | (close === "]" ? 1 : 0);
  const hex = (channel: number) => channel.toString(16).padStart(2, "0");
  return `#${hex(BLANK_RED)}${hex(value >> 8)}${hex(value & 0xff)}`;
}

/** The piece a blank's green and blue (0 to 255) name; null when they name no number. */
export function pieceOfBlank(green: number, blue: number): CitationPiece | null {
  const value = (green << 8) | blue;
  const number = value >> 2;
  if (number < 1) return null;
  return { open: value & 2 ? "[" : "", number, close: value & 1 ? "]" : "," };
}

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
          <Text style={{ color: blankColour(piece) }}>{citationBlank(piece, digits)}</Text>
        </Fragment>
      ))}
    </>
  );
}

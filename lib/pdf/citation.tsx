import { Link, StyleSheet } from "@react-pdf/renderer";

/**
 * Citation numbers are stamped at assembly (assembly/citations.ts), not rendered into parts:
 * sources are numbered by first citation across the whole briefing, so one newly cited source
 * early on renumbers every later citation, and a part printing its numbers could not be reused
 * (issue 18). A part prints a blank of the width of the widest label its citation could need,
 * as a link whose address says which of the part's own citations it is; the assembly puts the
 * briefing's numbers in the blank's place in the page's content and drops the link.
 */
export const CITATION_SCHEME = "chancery-cite:";

// DejaVu Sans advance widths (units per em 2048): the blank is no-break spaces, which neither
// wrap nor collapse at a line's end; the label it holds is brackets, digits, ", " separators.
const NBSP = 651;
const DIGIT = 1303;
const BRACKETS = 2 * 799;
const SEPARATOR = 2 * 651;

/** No-break spaces at least as wide as "[n, n…]" with `count` numbers of `digits` digits each. */
export function citationBlank(count: number, digits: number): string {
  const width = BRACKETS + count * digits * DIGIT + (count - 1) * SEPARATOR;
  return "\u00a0".repeat(Math.ceil(width / NBSP));
}

/** The digits the widest number among `sources` sources takes (at least 2: a blank for "[12]"). */
export function citationDigits(sources: number): number {
  return Math.max(2, String(sources).length);
}

export const citationAddress = (numbers: readonly number[]) => `${CITATION_SCHEME}${numbers.join(",")}`;

/** Reads an address written by citationAddress; null for any other link. */
export function parseCitationAddress(uri: string): number[] | null {
  return uri.startsWith(CITATION_SCHEME) ? uri.slice(CITATION_SCHEME.length).split(",").map(Number) : null;
}

/**
 * The blank's colour: one no text uses, so the assembly finds the blank's run in the page's
 * content by it (assembly/citations.ts), then prints the label in the ink around it.
 */
export const BLANK_COLOUR = "#1a1a1b";

const styles = StyleSheet.create({ blank: { textDecoration: "none", color: BLANK_COLOUR } });

/**
 * The blank where "[3]" or "[3, 7]" is stamped; `numbers` are the part's own (part-input.ts),
 * `digits` from citationDigits.
 */
export function CitationBlank({ numbers, digits }: { numbers: readonly number[]; digits: number }) {
  if (numbers.length === 0) return null;
  return (
    <Link src={citationAddress(numbers)} style={styles.blank}>
      {citationBlank(numbers.length, digits)}
    </Link>
  );
}

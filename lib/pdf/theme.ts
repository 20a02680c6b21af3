import { FONT_FAMILY } from "./fonts";

/**
 * Sizes shared by the sections. Line heights are in points: react-pdf miscomputes unitless
 * line heights (diegomura/react-pdf #3452, #3402).
 */
export const theme = {
  fontFamily: FONT_FAMILY,
  bodySize: 10,
  bodyLeading: 14,
  smallSize: 8,
  smallLeading: 11,
  headingSize: 15,
  headingLeading: 20,
  ink: "#1a1a1a",
  muted: "#555555",
  rule: "#999999",
  accent: "#8a1c1c",
} as const;

/**
 * Page geometry in points (A4, 595.28 × 841.89). The running header and footer sit in the
 * margins at fixed offsets, so the page-number stamper (assembly/page-numbers.ts) can print
 * "Page X of Y" on the footer's second line without measuring anything.
 */
export const pageGeometry = {
  width: 595.28,
  height: 841.89,
  marginX: 56,
  /** Distance of the header's top and the footer's bottom from the page edge. */
  chromeInset: 16,
  /** Header and footer: a 12 pt marking line, a 10 pt line, 6 pt padding to the rule. */
  chromeHeight: 28,
  /** Content starts this far from the top and stops this far from the bottom. */
  contentInset: 56,
  /** Font size of the footer's second line, where the page number goes. */
  footerSize: 7.5,
} as const;

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

/** Page geometry in points (A4). Margins leave room for the running header and footer. */
export const pageGeometry = {
  size: "A4",
  marginX: 56,
  chromeHeight: 40,
} as const;

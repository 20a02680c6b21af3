import { View } from "@react-pdf/renderer";
import { pageGeometry as g, theme } from "./theme";

const rules = {
  header: {
    position: "absolute",
    top: g.chromeInset,
    left: g.marginX,
    right: g.marginX,
    height: g.chromeHeight,
    borderBottomWidth: 0.5,
    borderBottomColor: theme.rule,
  },
  footer: {
    position: "absolute",
    bottom: g.chromeInset,
    left: g.marginX,
    right: g.marginX,
    height: g.chromeHeight,
    borderTopWidth: 0.5,
    borderTopColor: theme.rule,
  },
} as const;

/**
 * What every page of a part carries, as `fixed` elements react-pdf repeats on each page: the
 * rules under the running header and over the footer. Their text — the marking top and
 * bottom, the briefing title, the country, "Page X of Y" — and the DRAFT watermark differ
 * between briefings that share a part, so the assembly stamps them (assembly/chrome.ts,
 * assembly/page-numbers.ts) in the boxes these rules frame.
 */
export function RunningChrome() {
  return (
    <>
      <View fixed style={rules.header} />
      <View fixed style={rules.footer} />
    </>
  );
}

/** Page style shared by every part: the content box stays clear of the running chrome. */
export const chromePageStyle = {
  fontFamily: theme.fontFamily,
  fontSize: theme.bodySize,
  color: theme.ink,
  paddingTop: g.contentInset,
  paddingBottom: g.contentInset,
  paddingHorizontal: g.marginX,
} as const;

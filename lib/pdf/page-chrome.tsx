import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { markingLine, type BriefingDocument } from "../briefing/document";
import { pageGeometry as g, theme } from "./theme";

const styles = StyleSheet.create({
  header: {
    position: "absolute",
    top: g.chromeInset,
    left: g.marginX,
    right: g.marginX,
    height: g.chromeHeight,
    paddingBottom: 6,
    borderBottomWidth: 0.5,
    borderBottomColor: theme.rule,
  },
  footer: {
    position: "absolute",
    bottom: g.chromeInset,
    left: g.marginX,
    right: g.marginX,
    height: g.chromeHeight,
    paddingTop: 6,
    borderTopWidth: 0.5,
    borderTopColor: theme.rule,
  },
  marking: {
    fontSize: 9,
    lineHeight: "12pt",
    fontWeight: "bold",
    textAlign: "center",
    color: theme.accent,
    letterSpacing: 1,
  },
  runningTitle: {
    fontSize: g.footerSize,
    lineHeight: "10pt",
    textAlign: "center",
    color: theme.muted,
    maxLines: 1,
    textOverflow: "ellipsis",
  },
  footerText: { fontSize: g.footerSize, lineHeight: "10pt", color: theme.muted },
  watermark: {
    position: "absolute",
    top: 360,
    left: 60,
    fontSize: 110,
    lineHeight: "120pt",
    fontWeight: "bold",
    color: "#d9d9d9",
    opacity: 0.45,
    transform: "rotate(-45deg)",
  },
});

/**
 * What every page carries, as `fixed` elements react-pdf repeats on each page it paginates:
 * the marking at top and bottom (with the counterpart copy's descriptor), the briefing title, the country, and a DRAFT watermark on
 * drafts. "Page X of Y" is not here: the parts of a briefing render in parallel, so page
 * numbers are known only once they are merged, and are stamped then (assembly/page-numbers.ts)
 * in the space the footer leaves on its second line.
 */
export function RunningChrome({ doc }: { doc: BriefingDocument }) {
  return (
    <>
      {doc.status === "draft" ? (
        <Text fixed style={styles.watermark}>
          DRAFT
        </Text>
      ) : null}
      <View fixed style={styles.header}>
        <Text style={styles.marking}>{markingLine(doc)}</Text>
        <Text style={styles.runningTitle}>{doc.title}</Text>
      </View>
      <View fixed style={styles.footer}>
        <Text style={styles.marking}>{markingLine(doc)}</Text>
        <Text style={styles.footerText}>{doc.country.name}</Text>
      </View>
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

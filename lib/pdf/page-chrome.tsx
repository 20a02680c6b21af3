import type { ReactNode } from "react";
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { BriefingDocument } from "../briefing/document";
import { pageGeometry, theme } from "./theme";

const styles = StyleSheet.create({
  // flexGrow, not height: "100%": react-pdf measures the content region through this frame and
  // a percentage height (or a shrinkable region) there let content overflow the page.
  page: { flexDirection: "column", flexGrow: 1, paddingHorizontal: pageGeometry.marginX },
  header: { height: pageGeometry.chromeHeight, justifyContent: "flex-end", paddingBottom: 6, borderBottomWidth: 0.5, borderBottomColor: theme.rule, marginBottom: 10 },
  footer: { height: pageGeometry.chromeHeight, justifyContent: "flex-start", paddingTop: 6, borderTopWidth: 0.5, borderTopColor: theme.rule, marginTop: 10 },
  marking: { fontSize: 9, lineHeight: "12pt", fontWeight: "bold", textAlign: "center", color: theme.accent, letterSpacing: 1 },
  runningTitle: { fontSize: 7.5, lineHeight: "10pt", textAlign: "center", color: theme.muted },
  footerRow: { flexDirection: "row", justifyContent: "space-between" },
  footerText: { fontSize: 7.5, lineHeight: "10pt", color: theme.muted },
  content: { flexGrow: 1 },
  watermark: { position: "absolute", top: 360, left: 60, fontSize: 110, lineHeight: "120pt", fontWeight: "bold", color: "#d9d9d9", opacity: 0.45, transform: "rotate(-45deg)" },
});

interface PageChromeProps {
  doc: BriefingDocument;
  pageNumber?: number;
  totalPages?: number;
  children: ReactNode;
}

/**
 * Every page's frame: marking at top and bottom, the briefing title, "Page X of Y", and a
 * DRAFT watermark on drafts. Used as react-pdf's page `layout`, so it runs once per output page.
 */
export function PageChrome({ doc, pageNumber, totalPages, children }: PageChromeProps) {
  // totalPages is unknown on the engine's first round; the second round fills it in.
  const of = totalPages ? ` of ${totalPages}` : "";
  return (
    <View style={styles.page}>
      {doc.status === "draft" ? <Text style={styles.watermark}>DRAFT</Text> : null}
      <View style={styles.header}>
        <Text style={styles.marking}>{doc.marking}</Text>
        <Text style={styles.runningTitle}>{doc.title}</Text>
      </View>
      <View style={styles.content}>{children}</View>
      <View style={styles.footer}>
        <Text style={styles.marking}>{doc.marking}</Text>
        <View style={styles.footerRow}>
          <Text style={styles.footerText}>{doc.country.name}</Text>
          <Text style={styles.footerText}>{`Page ${pageNumber ?? 1}${of}`}</Text>
        </View>
      </View>
    </View>
  );
}

import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { OutlineEntry } from "../../briefing/document";
import type { PageTracker } from "../page-tracker";
import { theme } from "../theme";

const styles = StyleSheet.create({
  title: { fontSize: 18, lineHeight: "24pt", fontWeight: "bold", marginBottom: 14 },
  row: { flexDirection: "row", borderBottomWidth: 0.25, borderBottomColor: theme.rule, paddingVertical: 4 },
  // Rows hold a render prop, so react-pdf re-measures them; it misreads a line height there
  // (see section-heading.tsx), so these texts keep the font's default leading.
  entry: { flexGrow: 1, flexShrink: 1, fontSize: 10.5, color: theme.ink },
  page: { width: 40, textAlign: "right", fontSize: 10.5, color: theme.ink },
});

interface ContentsProps {
  outline: OutlineEntry[];
  tracker: PageTracker;
}

/**
 * The contents, numbered with the pages the sections really start on. The numbers are render
 * props: on the first pagination round they are unknown ("–"); on the second they read what
 * the headings recorded. One line each way, so the contents' own length never changes.
 */
export function Contents({ outline, tracker }: ContentsProps) {
  return (
    <View>
      <Text style={styles.title}>Contents</Text>
      {outline.map((entry) => (
        <View key={entry.id} style={styles.row} wrap={false}>
          <Text style={styles.entry}>{entry.title}</Text>
          <Text style={styles.page} render={() => String(tracker.pageFor(entry.id) ?? "–")} />
        </View>
      ))}
    </View>
  );
}

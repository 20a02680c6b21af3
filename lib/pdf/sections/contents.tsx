import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { OutlineEntry } from "../../briefing/document";
import { theme } from "../theme";

export const CONTENTS_NUMBER_SIZE = 10.5;

const styles = StyleSheet.create({
  title: { fontSize: 18, lineHeight: "24pt", fontWeight: "bold", marginBottom: 14 },
  row: { flexDirection: "row", borderBottomWidth: 0.25, borderBottomColor: theme.rule, paddingVertical: 4 },
  entry: {
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: 0,
    fontSize: CONTENTS_NUMBER_SIZE,
    lineHeight: "14pt",
    color: theme.ink,
  },
  page: { width: 40, fontSize: CONTENTS_NUMBER_SIZE, lineHeight: "14pt" },
});

/**
 * The contents. It renders with the first part of the body, before the other parts have
 * said where their sections start, so each row leaves its page number blank and carries a
 * bookmark instead: the assembly reads where each blank landed and stamps the real number
 * there (assembly/page-numbers.ts).
 */
export function Contents({ outline }: { outline: OutlineEntry[] }) {
  return (
    <>
      <Text style={styles.title}>Contents</Text>
      {outline.map((entry) => {
        const mark = { bookmark: { title: entry.title } };
        return (
          // On the row, a direct child of the page: react-pdf gives nested boxes parent-relative tops.
          <View key={entry.id} {...mark} style={styles.row} wrap={false}>
            <Text style={styles.entry}>{entry.title}</Text>
            <Text style={styles.page}> </Text>
          </View>
        );
      })}
    </>
  );
}

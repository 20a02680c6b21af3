import { StyleSheet } from "@react-pdf/renderer";
import { theme } from "./theme";

/** Text and table styles several sections share; section-specific styles sit beside each section. */
export const base = StyleSheet.create({
  body: { fontSize: theme.bodySize, lineHeight: `${theme.bodyLeading}pt`, color: theme.ink },
  small: { fontSize: theme.smallSize, lineHeight: `${theme.smallLeading}pt`, color: theme.muted },
  bold: { fontWeight: "bold" },
  italic: { fontStyle: "italic" },
  paragraph: { marginBottom: 6 },
  table: { borderTopWidth: 0.75, borderTopColor: theme.rule, marginBottom: 8 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: theme.rule, paddingVertical: 3 },
  headerRow: { flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: theme.ink, paddingVertical: 3 },
  cell: { paddingRight: 6, fontSize: theme.smallSize + 1, lineHeight: `${theme.smallLeading + 1}pt`, color: theme.ink },
  headerCell: {
    paddingRight: 6,
    fontSize: theme.smallSize + 1,
    lineHeight: `${theme.smallLeading + 1}pt`,
    fontWeight: "bold",
  },
  subheading: {
    fontSize: theme.bodySize + 1,
    lineHeight: `${theme.bodyLeading + 2}pt`,
    fontWeight: "bold",
    marginTop: 6,
    marginBottom: 4,
  },
  empty: { fontSize: theme.bodySize, lineHeight: `${theme.bodyLeading}pt`, color: theme.muted, fontStyle: "italic" },
});

/** "[3]" or "[3, 7]": the numbers of the Sources list entries that back a statement. */
export function citationLabel(numbers: readonly number[]): string {
  return numbers.length === 0 ? "" : `[${numbers.join(", ")}]`;
}

import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { BriefingDocument } from "../../briefing/document";
import { base } from "../base-styles";

const styles = StyleSheet.create({
  field: { flexDirection: "row", marginBottom: 3 },
  label: { width: 90, fontWeight: "bold" },
  // flexBasis 0: without it a long value is measured on one line and runs past the margin.
  value: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
});

/** What the briefing is for: the meeting, when and where, and who meets whom. */
export function Occasion({ doc }: { doc: Pick<BriefingDocument, "occasion" | "lastMet"> }) {
  const fields: [string, string][] = [
    ["Meeting", doc.occasion.meeting],
    ["Date", doc.occasion.date],
    ["Place", doc.occasion.place],
    ["Principal", doc.occasion.principal],
    ["Counterpart", doc.occasion.counterpart],
  ];
  return (
    <>
      {fields.map(([label, value]) => (
        <View key={label} style={styles.field}>
          <Text style={[base.body, styles.label]}>{label}</Text>
          <Text style={[base.body, styles.value]}>{value || "—"}</Text>
        </View>
      ))}
      {doc.lastMet ? (
        <View style={[styles.field, { marginTop: 4 }]}>
          <Text style={[base.body, styles.label]}>Last met:</Text>
          <Text style={[base.body, styles.value]}>{doc.lastMet}</Text>
        </View>
      ) : null}
    </>
  );
}

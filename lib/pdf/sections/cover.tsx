import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { clearanceLine, documentVariant, markingLine, withheldLine } from "../../briefing/document";
import type { CoverInput } from "../parts/part-input";
import { theme } from "../theme";

const styles = StyleSheet.create({
  cover: { paddingTop: 90 },
  marking: {
    fontSize: 14,
    lineHeight: "18pt",
    fontWeight: "bold",
    color: theme.accent,
    letterSpacing: 2,
    marginBottom: 40,
  },
  kicker: { fontSize: 11, lineHeight: "15pt", color: theme.muted, marginBottom: 6 },
  title: { fontSize: 24, lineHeight: "31pt", fontWeight: "bold", color: theme.ink, marginBottom: 18 },
  purpose: { fontSize: 11, lineHeight: "16pt", color: theme.ink, marginBottom: 30 },
  field: { flexDirection: "row", marginBottom: 5 },
  label: { width: 110, fontSize: 10, lineHeight: "14pt", color: theme.muted },
  value: { flexGrow: 1, flexShrink: 1, flexBasis: 0, fontSize: 10, lineHeight: "14pt", color: theme.ink },
  status: { marginTop: 30, fontSize: 12, lineHeight: "16pt", fontWeight: "bold", color: theme.accent },
  cleared: { marginTop: 6, fontSize: 11, lineHeight: "15pt", color: theme.ink },
});

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.field}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  );
}

/**
 * Title page: what the briefing is, for whom, by whom, whether it is final, who cleared it, and
 * how many facts this reader's copy leaves out (marked above their clearance level).
 * The counterpart copy's says only what was written for it: its title, the country, the date
 * and the status — no purpose, no "Prepared by", no clearance, no withheld count.
 */
export function Cover({ doc }: { doc: CoverInput }) {
  const status = doc.status === "final" ? "Final" : "Draft";
  const counterpart = documentVariant(doc) === "counterpart";
  const cleared = counterpart ? null : clearanceLine(doc);
  const withheld = counterpart ? null : withheldLine(doc);
  return (
    <View style={styles.cover}>
      <Text style={styles.marking}>{markingLine(doc)}</Text>
      <Text style={styles.kicker}>{counterpart ? "Meeting material" : "Country briefing"}</Text>
      <Text style={styles.title}>{doc.title}</Text>
      {counterpart ? null : <Text style={styles.purpose}>{doc.purpose}</Text>}
      <Field label="Country" value={doc.country.name} />
      {counterpart ? null : <Field label="Prepared by" value={doc.preparedBy} />}
      <Field label="Date" value={doc.preparedOn} />
      <Field label="Status" value={`${status}, revision ${doc.revision}`} />
      <Text style={styles.status}>{`${status.toUpperCase()} — REVISION ${doc.revision}`}</Text>
      {cleared ? <Text style={styles.cleared}>{cleared}</Text> : null}
      {withheld ? <Text style={styles.cleared}>{withheld}</Text> : null}
    </View>
  );
}

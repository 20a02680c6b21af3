import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { DocSource } from "../../briefing/document";
import { base } from "../base-styles";

const styles = StyleSheet.create({
  entry: { flexDirection: "row", marginBottom: 4 },
  number: { width: 30 },
  text: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
});

/** The numbered sources every [n] in the briefing points to. */
export function Sources({ sources }: { sources: DocSource[] }) {
  if (sources.length === 0) return <Text style={base.empty}>No sources.</Text>;
  return (
    <>
      {sources.map((source) => (
        <View key={source.number} style={styles.entry} wrap={false}>
          <Text style={[base.body, styles.number]}>{`[${source.number}]`}</Text>
          <Text style={[base.body, styles.text]}>
            {`${source.publisher}. ${source.title}. ${source.date}.`}
            {source.url ? ` ${source.url}` : ""}
          </Text>
        </View>
      ))}
    </>
  );
}

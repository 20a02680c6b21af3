import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { DocFact, DocSection } from "../../briefing/document";
import { base, citationLabel } from "../base-styles";
import { theme } from "../theme";

const styles = StyleSheet.create({
  fact: { marginBottom: 7 },
  date: { fontWeight: "bold" },
  dated: { color: theme.accent, fontWeight: "bold" },
  meta: { marginTop: 1 },
});

function Fact({ fact }: { fact: DocFact }) {
  return (
    <View style={styles.fact}>
      <Text style={base.body}>
        <Text style={styles.date}>{fact.date}</Text>
        {fact.dated ? <Text style={styles.dated}>{" (dated)"}</Text> : null}
        {" — "}
        {fact.text}
        {` ${citationLabel([fact.citation.number])}`}
      </Text>
      {fact.meeting ? <Text style={[base.small, styles.meta]}>{`Meeting: ${fact.meeting}`}</Text> : null}
      {fact.note ? <Text style={[base.small, base.italic, styles.meta]}>{`Note: ${fact.note}`}</Text> : null}
    </View>
  );
}

/** One topic's facts in the order given, each dated and cited. */
export function TopicSection({ section }: { section: DocSection }) {
  if (section.facts.length === 0) return <Text style={base.empty}>No facts on this topic.</Text>;
  return (
    <>
      {section.facts.map((fact) => (
        <Fact key={fact.id} fact={fact} />
      ))}
    </>
  );
}

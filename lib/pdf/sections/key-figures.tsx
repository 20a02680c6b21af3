import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { KeyFigure } from "../../briefing/document";
import { keyFigureNote } from "../../briefing/labels";
import { base } from "../base-styles";
import { CitationBlank } from "../citation";
import { theme } from "../theme";

const rankLabel = (v: { preferred?: boolean; deprecated?: boolean }) =>
  v.preferred ? " (preferred)" : v.deprecated ? " (deprecated)" : "";

const styles = StyleSheet.create({
  metric: { width: "30%" },
  period: { width: "22%" },
  values: { width: "48%", flexDirection: "row", flexWrap: "wrap" },
  value: { width: "50%" },
  note: { width: "100%", color: theme.accent, fontWeight: "bold" },
});

/** One row per metric and period; where the sources disagree, every value side by side, the preferred first. */
export function KeyFigures({ figures, digits }: { figures: KeyFigure[]; digits: number }) {
  if (figures.length === 0) return <Text style={base.empty}>No key figures.</Text>;
  return (
    <View style={base.table}>
      <View style={base.headerRow} fixed>
        <Text style={[base.headerCell, styles.metric]}>Metric</Text>
        <Text style={[base.headerCell, styles.period]}>Period</Text>
        <Text style={[base.headerCell, styles.values]}>Value</Text>
      </View>
      {figures.map((figure) => {
        const note = keyFigureNote(figure);
        return (
          <View key={`${figure.metricKey}-${figure.period}`} style={base.row} wrap={false}>
            <Text style={[base.cell, styles.metric]}>{figure.label}</Text>
            <Text style={[base.cell, styles.period]}>{figure.period}</Text>
            <View style={styles.values}>
              {figure.values.map((v) => (
                <Text key={v.factId} style={[base.cell, figure.disagreement ? styles.value : {}]}>
                  {`${v.display}${rankLabel(v)} `}
                  <CitationBlank numbers={[v.citation.number]} digits={digits} />
                </Text>
              ))}
              {note ? <Text style={[base.cell, styles.note]}>{`Note: ${note}`}</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}

import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { TimelineEntry } from "../../briefing/document";
import { participantLabel } from "../../briefing/labels";
import { base } from "../base-styles";
import { CitationBlank } from "../citation";

const styles = StyleSheet.create({
  date: { width: "14%" },
  meeting: { width: "30%" },
  place: { width: "14%" },
  format: { width: "14%" },
  leaders: { width: "28%" },
});

function leadersLine(entry: TimelineEntry): string {
  return entry.leaders.map(participantLabel).join("; ");
}

/** Meetings in date order: where, in what format, who led, and whether it took place. */
export function Timeline({ entries, digits }: { entries: TimelineEntry[]; digits: number }) {
  if (entries.length === 0) return <Text style={base.empty}>No meetings.</Text>;
  return (
    <View style={base.table}>
      <View style={base.headerRow} fixed>
        <Text style={[base.headerCell, styles.date]}>Date</Text>
        <Text style={[base.headerCell, styles.meeting]}>Meeting</Text>
        <Text style={[base.headerCell, styles.place]}>Place</Text>
        <Text style={[base.headerCell, styles.format]}>Format</Text>
        <Text style={[base.headerCell, styles.leaders]}>Leaders</Text>
      </View>
      {entries.map((entry) => (
        <View key={entry.meetingId} style={base.row} wrap={false}>
          <Text style={[base.cell, styles.date]}>{entry.date}</Text>
          <Text style={[base.cell, styles.meeting]}>
            {`${entry.name} `}
            <CitationBlank numbers={entry.citations.map((c) => c.number)} digits={digits} />
          </Text>
          <Text style={[base.cell, styles.place]}>{entry.place ?? "—"}</Text>
          <Text style={[base.cell, styles.format]}>{`${entry.format}, ${entry.mode}; ${entry.status}`}</Text>
          <Text style={[base.cell, styles.leaders]}>{leadersLine(entry)}</Text>
        </View>
      ))}
    </View>
  );
}

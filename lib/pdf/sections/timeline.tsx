import { StyleSheet, Text } from "@react-pdf/renderer";
import type { TimelineEntry } from "../../briefing/document";
import { participantLabel } from "../../briefing/labels";
import { base } from "../base-styles";
import { CitationBlank } from "../citation";

const styles = StyleSheet.create({
  entry: { marginBottom: 5 },
});

/** "Brussels · ministerial, in person; held. Led by …": the meeting's second line. */
export function timelineDetails(entry: TimelineEntry): string {
  const where = [entry.place, `${entry.format}, ${entry.mode}; ${entry.status}`].filter(Boolean).join(" · ");
  const leaders = entry.leaders.map(participantLabel).join("; ");
  return leaders ? `${where}. Led by ${leaders}` : where;
}

/**
 * Meetings in date order, as a chronology: the date and meeting on one line; where, in what
 * format, whether it took place and who led on a smaller one below. Not a five-column table:
 * each cell is a text react-pdf lays out on its own, and the 54 meetings of a ~20-page
 * briefing took 102 ms to render as a table against 62 ms as this list, in the heaviest part
 * of a cold render (issue 18). Two sibling lines, not one text with a line break (DejaVu Sans
 * has no glyph for "\n", so react-pdf sets it in Helvetica, an unembedded font) nor a View
 * around them (~5 ms more): minPresenceAhead keeps a first line from ending a page alone.
 */
export function Timeline({ entries, digits }: { entries: TimelineEntry[]; digits: number }) {
  if (entries.length === 0) return <Text style={base.empty}>No meetings.</Text>;
  return (
    <>
      {entries.map((entry) => [
        <Text key={`${entry.meetingId}-a`} style={base.body} minPresenceAhead={12}>
          <Text style={base.bold}>{entry.date}</Text>
          {` — ${entry.name} `}
          <CitationBlank numbers={entry.citations.map((c) => c.number)} digits={digits} />
        </Text>,
        <Text key={`${entry.meetingId}-b`} style={[base.small, styles.entry]}>
          {timelineDetails(entry)}
        </Text>,
      ])}
    </>
  );
}

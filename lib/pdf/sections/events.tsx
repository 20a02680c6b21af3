import { Text } from "@react-pdf/renderer";
import type { EventEntry } from "../../briefing/document";
import { base, citationLabel } from "../base-styles";

function EventList({ title, events, empty }: { title: string; events: EventEntry[]; empty: string }) {
  return (
    <>
      <Text style={base.subheading}>{title}</Text>
      {events.length === 0 ? <Text style={base.empty}>{empty}</Text> : null}
      {events.map((event) => (
        <Text key={event.meetingId} style={[base.body, { marginBottom: 3 }]}>
          <Text style={base.bold}>{event.date}</Text>
          {` — ${event.name}${event.place ? `, ${event.place}` : ""} (${event.status}) ${citationLabel(event.citations.map((c) => c.number))}`}
        </Text>
      ))}
    </>
  );
}

/** Events announced for the future, then announced events no later source confirms as held. */
export function Events({ forthcoming, unconfirmed }: { forthcoming: EventEntry[]; unconfirmed: EventEntry[] }) {
  return (
    <>
      <EventList title="Forthcoming" events={forthcoming} empty="None announced." />
      <EventList title="Unconfirmed" events={unconfirmed} empty="None." />
    </>
  );
}

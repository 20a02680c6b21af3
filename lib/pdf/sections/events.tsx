import { Text } from "@react-pdf/renderer";
import type { EventEntry } from "../../briefing/document";
import { base } from "../base-styles";
import { CitationBlank } from "../citation";

function EventList({
  title,
  events,
  empty,
  digits,
}: {
  title: string;
  events: EventEntry[];
  empty: string;
  digits: number;
}) {
  return (
    <>
      <Text style={base.subheading}>{title}</Text>
      {events.length === 0 ? <Text style={base.empty}>{empty}</Text> : null}
      {events.map((event) => (
        <Text key={event.meetingId} style={[base.body, { marginBottom: 3 }]}>
          <Text style={base.bold}>{event.date}</Text>
          {` — ${event.name}${event.place ? `, ${event.place}` : ""} (${event.status}) `}
          <CitationBlank numbers={event.citations.map((c) => c.number)} digits={digits} />
        </Text>
      ))}
    </>
  );
}

/** Events announced for the future, then announced events no later source confirms as held. */
export function Events({
  forthcoming,
  unconfirmed,
  digits,
}: {
  forthcoming: EventEntry[];
  unconfirmed: EventEntry[];
  digits: number;
}) {
  return (
    <>
      <EventList title="Forthcoming" events={forthcoming} empty="None announced." digits={digits} />
      <EventList title="Unconfirmed" events={unconfirmed} empty="None." digits={digits} />
    </>
  );
}

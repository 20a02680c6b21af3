import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { WhoEntry } from "../../briefing/document";
import { base } from "../base-styles";

const styles = StyleSheet.create({
  person: { marginBottom: 6 },
});

/** People the principal may meet: current title and when it was last seen, earlier titles below. */
export function WhosWho({ people }: { people: WhoEntry[] }) {
  if (people.length === 0) return <Text style={base.empty}>No people.</Text>;
  return (
    <>
      {people.map((person) => (
        <View key={person.personId} style={styles.person} wrap={false}>
          <Text style={base.body}>
            <Text style={base.bold}>{person.name}</Text>
            {` (${person.party}) — ${person.title}, as of ${person.asOf}`}
          </Text>
          {person.earlier.length > 0 ? (
            <Text
              style={base.small}
            >{`Earlier: ${person.earlier.map((e) => `${e.title} (${e.asOf})`).join("; ")}`}</Text>
          ) : null}
        </View>
      ))}
    </>
  );
}

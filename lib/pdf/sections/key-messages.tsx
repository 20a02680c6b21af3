import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { base } from "../base-styles";

const styles = StyleSheet.create({
  item: { flexDirection: "row", marginBottom: 4 },
  number: { width: 20, fontWeight: "bold" },
  text: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
});

/** The points the principal should make, numbered. */
export function KeyMessages({ messages }: { messages: string[] }) {
  if (messages.length === 0) return <Text style={base.empty}>No key messages.</Text>;
  return (
    <>
      {messages.map((message, i) => (
        <View key={i} style={styles.item} wrap={false}>
          <Text style={[base.body, styles.number]}>{`${i + 1}.`}</Text>
          <Text style={[base.body, styles.text]}>{message}</Text>
        </View>
      ))}
    </>
  );
}

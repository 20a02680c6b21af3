import { StyleSheet, Text } from "@react-pdf/renderer";
import type { DocFact, DocSection } from "../../briefing/document";
import { base } from "../base-styles";
import { CitationBlank } from "../citation";
import { theme } from "../theme";

const styles = StyleSheet.create({
  date: { fontWeight: "bold" },
  dated: { color: theme.accent, fontWeight: "bold" },
  meta: { marginTop: 1 },
  /** The space after a fact, on whichever of its lines comes last. */
  last: { marginBottom: 7 },
});

/**
 * A fact as up to three sibling lines rather than one View around them: the page looks the
 * same (Yoga does not collapse margins) and a View per fact cost about 8 % of a topic-heavy
 * render, measured on a 20-page briefing.
 */
function Fact({ fact, digits }: { fact: DocFact; digits: number }) {
  const lastLine = fact.note ? "note" : fact.meeting ? "meeting" : "body";
  const spaced = (line: typeof lastLine) => (line === lastLine ? styles.last : {});
  return (
    <>
      <Text style={[base.body, spaced("body")]}>
        <Text style={styles.date}>{fact.date}</Text>
        {fact.dated ? <Text style={styles.dated}>{" (dated)"}</Text> : null}
        {" — "}
        {fact.text} <CitationBlank numbers={[fact.citation.number]} digits={digits} />
      </Text>
      {fact.meeting ? (
        <Text style={[base.small, styles.meta, spaced("meeting")]}>{`Meeting: ${fact.meeting}`}</Text>
      ) : null}
      {fact.note ? (
        <Text style={[base.small, base.italic, styles.meta, spaced("note")]}>{`Note: ${fact.note}`}</Text>
      ) : null}
    </>
  );
}

/** One topic's facts in the order given, each dated and cited. */
export function TopicSection({ section, digits }: { section: DocSection; digits: number }) {
  if (section.facts.length === 0) return <Text style={base.empty}>No facts on this topic.</Text>;
  return (
    <>
      {section.facts.map((fact) => (
        <Fact key={fact.id} fact={fact} digits={digits} />
      ))}
    </>
  );
}

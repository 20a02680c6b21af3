import { StyleSheet, Text } from "@react-pdf/renderer";
import type { OutlineEntry } from "../briefing/document";
import { theme } from "./theme";

const styles = StyleSheet.create({
  heading: {
    fontSize: theme.headingSize,
    lineHeight: `${theme.headingLeading}pt`,
    fontWeight: "bold",
    color: theme.ink,
    marginTop: 14,
    marginBottom: 8,
    paddingBottom: 3,
    borderBottomWidth: 1,
    borderBottomColor: theme.accent,
  },
});

interface SectionHeadingProps {
  entry: OutlineEntry;
  /** A section split across parts repeats its title, marked "(continued)", without a bookmark. */
  continued?: boolean;
}

/**
 * A section's title. Its bookmark is how the assembly learns the page each section starts on
 * (it reads the part's PDF outline back) and becomes the entry of the final PDF's outline.
 */
export function SectionHeading({ entry, continued = false }: SectionHeadingProps) {
  if (continued) return <Text style={styles.heading} minPresenceAhead={60}>{`${entry.title} (continued)`}</Text>;
  // react-pdf honours `bookmark` on any element, but its typings declare it on Page only;
  // a spread is not excess-property-checked, so the prop passes without a cast.
  // Not `fit`: an /XYZ destination keeps the heading's top, so a bookmark jumps to the heading.
  const outline = { bookmark: { title: entry.title } };
  return (
    <Text {...outline} style={styles.heading} minPresenceAhead={60}>
      {entry.title}
    </Text>
  );
}

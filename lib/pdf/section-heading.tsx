import { StyleSheet, Text } from "@react-pdf/renderer";
import type { OutlineEntry } from "../briefing/document";
import type { PageTracker } from "./page-tracker";
import { theme } from "./theme";

// No lineHeight here: react-pdf re-measures render-prop nodes and then reads an already
// resolved line height as a multiplier of the font size (the #3452 family of bugs).
const styles = StyleSheet.create({
  heading: {
    fontSize: theme.headingSize,
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
  tracker: PageTracker;
}

/**
 * A section's title. Its render prop runs when the heading is placed on a page, which is how
 * the contents learns the page each section really starts on; the bookmark makes it an entry
 * of the PDF outline.
 */
export function SectionHeading({ entry, tracker }: SectionHeadingProps) {
  // react-pdf honours `bookmark` on any element, but its typings declare it on Page only;
  // a spread is not excess-property-checked, so the prop passes without a cast.
  const outline = { bookmark: { title: entry.title, fit: true } };
  return (
    <Text
      {...outline}
      style={styles.heading}
      minPresenceAhead={60}
      render={({ pageNumber }) => {
        tracker.recordHeading(entry.id, pageNumber);
        return entry.title;
      }}
    />
  );
}

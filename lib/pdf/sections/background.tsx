import { Text } from "@react-pdf/renderer";
import { base } from "../base-styles";

/** Free-text background, one paragraph per blank-line-separated block. */
export function Background({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <Text style={base.empty}>No background.</Text>;
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <Text key={i} style={[base.body, base.paragraph]}>
          {paragraph}
        </Text>
      ))}
    </>
  );
}

import { Fragment } from "react";
import { hasMatch, splitMarked } from "@/lib/search/highlight";

/** Text whose matched words (between the markers of lib/search/highlight.ts) are shown in <mark>, as text. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitMarked(text).map((part, i) =>
        part.marked ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * A fact's text with the searched words marked, or as stored when nothing was searched; when
 * only the quote matched, a passage of the quote says why the fact was found.
 */
export function MatchedFactText({
  text,
  matched,
}: {
  text: string;
  matched: { text: string; quote: string | null } | null;
}) {
  if (!matched) return <>{text}</>;
  return (
    <>
      <Highlighted text={matched.text} />
      {!hasMatch(matched.text) && matched.quote && (
        <span className="mt-0.5 block text-xs text-slate-600" data-testid="matched-quote">
          Quote: “<Highlighted text={matched.quote} />”
        </span>
      )}
    </>
  );
}

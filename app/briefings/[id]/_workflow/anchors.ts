import type { BriefingView } from "@/db/queries/briefings/get-briefing-view";
import type { CommentAnchors } from "./comments-panel";

/** What a comment can be put on: the briefing's sections and the facts in them. */
export function commentAnchors(view: Pick<BriefingView, "sections">): CommentAnchors {
  return {
    sections: view.sections.map((s) => ({
      topicId: s.topicId,
      title: s.title,
      facts: s.items.flatMap((i) => (i.fact ? [{ factId: i.factId, text: i.fact.text }] : [])),
    })),
  };
}

import type { ReactNode } from "react";
import type { BriefingDocument } from "../../briefing/document";
import { Background } from "../sections/background";
import { Events } from "../sections/events";
import { KeyFigures } from "../sections/key-figures";
import { KeyMessages } from "../sections/key-messages";
import { Occasion } from "../sections/occasion";
import { Sources } from "../sections/sources";
import { Timeline } from "../sections/timeline";
import { TopicSection } from "../sections/topic";
import { WhosWho } from "../sections/whos-who";
import type { PartSlice } from "./plan";

/** The body of one outline entry, or of the facts of a topic section this part prints. */
export function SectionBody({ slice, doc }: { slice: PartSlice; doc: BriefingDocument }): ReactNode {
  switch (slice.entry.id) {
    case "occasion":
      return <Occasion doc={doc} />;
    case "key-messages":
      return <KeyMessages messages={doc.keyMessages} />;
    case "background":
      return <Background text={doc.background} />;
    case "key-figures":
      return <KeyFigures figures={doc.keyFigures} />;
    case "timeline":
      return <Timeline entries={doc.timeline} />;
    case "whos-who":
      return <WhosWho people={doc.whosWho} />;
    case "events":
      return <Events forthcoming={doc.forthcoming} unconfirmed={doc.unconfirmed} />;
    case "sources":
      return <Sources sources={doc.sources} />;
  }
  const section = doc.sections.find((s) => `topic-${s.topicId}` === slice.entry.id);
  if (!section) throw new Error(`No briefing section for outline entry "${slice.entry.id}"`);
  const facts = slice.facts ? section.facts.slice(slice.facts.from, slice.facts.to) : section.facts;
  return <TopicSection section={{ ...section, facts }} />;
}

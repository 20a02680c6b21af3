import type { ReactNode } from "react";
import { Background } from "../sections/background";
import { Events } from "../sections/events";
import { KeyFigures } from "../sections/key-figures";
import { KeyMessages } from "../sections/key-messages";
import { Occasion } from "../sections/occasion";
import { Sources } from "../sections/sources";
import { Timeline } from "../sections/timeline";
import { TopicSection } from "../sections/topic";
import { WhosWho } from "../sections/whos-who";
import type { SliceContent } from "./part-input";

/** The body of one outline entry, or of the facts of a topic section this part prints; `digits`: the citation blanks' width (citation.tsx). */
export function SectionBody({ content, digits }: { content: SliceContent; digits: number }): ReactNode {
  switch (content.id) {
    case "occasion":
      return <Occasion doc={content} />;
    case "key-messages":
      return <KeyMessages messages={content.messages} />;
    case "background":
      return <Background text={content.text} />;
    case "key-figures":
      return <KeyFigures figures={content.figures} digits={digits} />;
    case "timeline":
      return <Timeline entries={content.entries} digits={digits} />;
    case "whos-who":
      return <WhosWho people={content.people} />;
    case "events":
      return <Events forthcoming={content.forthcoming} unconfirmed={content.unconfirmed} digits={digits} />;
    case "sources":
      return <Sources sources={content.sources} />;
    case "topic":
      return <TopicSection section={content.section} digits={digits} />;
  }
}

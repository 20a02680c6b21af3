import { Fragment, type ReactNode } from "react";
import { Document, Page } from "@react-pdf/renderer";
import { documentOutline, type BriefingDocument, type OutlineEntry } from "../briefing/document";
import { PageChrome } from "./page-chrome";
import type { PageTracker } from "./page-tracker";
import { SectionHeading } from "./section-heading";
import { Background } from "./sections/background";
import { Contents } from "./sections/contents";
import { Cover } from "./sections/cover";
import { Events } from "./sections/events";
import { KeyFigures } from "./sections/key-figures";
import { KeyMessages } from "./sections/key-messages";
import { Occasion } from "./sections/occasion";
import { Sources } from "./sections/sources";
import { Timeline } from "./sections/timeline";
import { TopicSection } from "./sections/topic";
import { WhosWho } from "./sections/whos-who";
import { theme } from "./theme";

function sectionBody(entry: OutlineEntry, doc: BriefingDocument): ReactNode {
  switch (entry.id) {
    case "occasion": return <Occasion doc={doc} />;
    case "key-messages": return <KeyMessages messages={doc.keyMessages} />;
    case "background": return <Background text={doc.background} />;
    case "key-figures": return <KeyFigures figures={doc.keyFigures} />;
    case "timeline": return <Timeline entries={doc.timeline} />;
    case "whos-who": return <WhosWho people={doc.whosWho} />;
    case "events": return <Events forthcoming={doc.forthcoming} unconfirmed={doc.unconfirmed} />;
    case "sources": return <Sources sources={doc.sources} />;
  }
  const section = doc.sections.find((s) => `topic-${s.topicId}` === entry.id);
  if (!section) throw new Error(`No briefing section for outline entry "${entry.id}"`);
  return <TopicSection section={section} />;
}

const pageStyle = { fontFamily: theme.fontFamily, fontSize: theme.bodySize, color: theme.ink } as const;

interface BriefingPdfProps {
  doc: BriefingDocument;
  tracker: PageTracker;
}

/** The whole briefing: cover, contents, then every section in documentOutline() order. */
export function BriefingPdf({ doc, tracker }: BriefingPdfProps) {
  const outline = documentOutline(doc);
  const layout = (props: { children: ReactNode; pageNumber?: number; totalPages?: number }) => (
    <PageChrome doc={doc} pageNumber={props.pageNumber} totalPages={props.totalPages}>
      {props.children}
    </PageChrome>
  );
  return (
    <Document
      title={doc.title}
      author={doc.preparedBy}
      subject={`${doc.country.name}: ${doc.purpose}`}
      keywords={["briefing", doc.country.name, doc.marking, doc.status].join(", ")}
      creator="Chancery"
      producer="Chancery"
      creationDate={new Date(`${doc.preparedOn}T00:00:00Z`)}
      language="en-GB"
    >
      <Page size="A4" style={pageStyle} layout={layout} wrap={false}>
        <Cover doc={doc} />
      </Page>
      <Page size="A4" style={pageStyle} layout={layout}>
        <Contents outline={outline} tracker={tracker} />
      </Page>
      <Page size="A4" style={pageStyle} layout={layout}>
        {outline.map((entry) => (
          // Fragments, not Views: a flat run of blocks is what react-pdf's pagination engine
          // splits reliably; nested split containers overlapped on long documents.
          <Fragment key={entry.id}>
            <SectionHeading entry={entry} tracker={tracker} />
            {sectionBody(entry, doc)}
          </Fragment>
        ))}
      </Page>
    </Document>
  );
}

import { Fragment } from "react";
import { Document, Page } from "@react-pdf/renderer";
import { documentOutline, type BriefingDocument } from "../../briefing/document";
import { chromePageStyle, RunningChrome } from "../page-chrome";
import { SectionHeading } from "../section-heading";
import { Contents } from "../sections/contents";
import { Cover } from "../sections/cover";
import type { PartPlan } from "./plan";
import { SectionBody } from "./section-body";

interface PartPdfProps {
  doc: BriefingDocument;
  part: PartPlan;
}

/**
 * One part of a briefing as a document of its own, paginated by react-pdf's linear engine;
 * the first part opens with the cover and the contents. It carries no page numbers and no
 * render props: nothing in it depends on the other parts, so the parts render in parallel
 * and the engine needs one round, not two.
 */
export function PartPdf({ doc, part }: PartPdfProps) {
  return (
    <Document>
      {part.front ? (
        <>
          <Page size="A4" style={chromePageStyle} wrap={false}>
            <RunningChrome doc={doc} />
            <Cover doc={doc} />
          </Page>
          <Page size="A4" style={chromePageStyle} experimentalPagination>
            <RunningChrome doc={doc} />
            <Contents outline={documentOutline(doc)} />
          </Page>
        </>
      ) : null}
      <Page size="A4" style={chromePageStyle} experimentalPagination>
        <RunningChrome doc={doc} />
        {part.slices.map((slice) => (
          // Fragments, not Views: a flat run of blocks is what the pagination engine splits
          // reliably; nested split containers overlapped on long documents.
          <Fragment key={slice.entry.id}>
            <SectionHeading entry={slice.entry} continued={slice.continued} />
            <SectionBody slice={slice} doc={doc} />
          </Fragment>
        ))}
      </Page>
    </Document>
  );
}

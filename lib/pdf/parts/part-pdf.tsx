import { Fragment } from "react";
import { Document, Page } from "@react-pdf/renderer";
import { chromePageStyle, RunningChrome } from "../page-chrome";
import { SectionHeading } from "../section-heading";
import { Contents } from "../sections/contents";
import { Cover } from "../sections/cover";
import type { PartInput } from "./part-input";
import { SectionBody } from "./section-body";

/**
 * One part of a briefing as a document of its own, paginated by react-pdf's linear engine,
 * from its render input alone (parts/part-input.ts). It carries nothing that differs between
 * documents sharing the part: no page numbers, and of the running header and footer only the
 * rules — the title, marking, country and DRAFT watermark are stamped at assembly
 * (assembly/chrome.ts). So the parts render in parallel, in one round each, and a part
 * rendered for one briefing serves every briefing that prints the same content.
 */
export function PartPdf({ input }: { input: PartInput }) {
  if (input.kind === "cover") {
    return (
      <Document>
        <Page size="A4" style={chromePageStyle}>
          <RunningChrome />
          <Cover doc={input.cover} />
        </Page>
      </Document>
    );
  }
  return (
    <Document>
      {input.contents ? (
        <Page size="A4" style={chromePageStyle} experimentalPagination>
          <RunningChrome />
          <Contents outline={input.contents} />
        </Page>
      ) : null}
      <Page size="A4" style={chromePageStyle} experimentalPagination>
        <RunningChrome />
        {input.slices.map((slice) => (
          // Fragments, not Views: a flat run of blocks is what the pagination engine splits
          // reliably; nested split containers overlapped on long documents.
          <Fragment key={slice.entry.id}>
            <SectionHeading entry={slice.entry} continued={slice.continued} />
            <SectionBody content={slice.content} digits={input.citationDigits} />
          </Fragment>
        ))}
      </Page>
    </Document>
  );
}

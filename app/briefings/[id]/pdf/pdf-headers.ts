import type { BriefingPrintSummary } from "@/db/queries/briefings/get-briefing-print-summary";
import type { DocumentVariant } from "@/lib/briefing/document";
import { briefingFileName, contentDisposition } from "@/lib/briefing/file-name";

const today = () => new Date().toISOString().slice(0, 10);

/** What names the file: the document's own fields, or the same read cheaply for HEAD. */
export type Named = Parameters<typeof briefingFileName>[0];

export const namedBySummary = (summary: BriefingPrintSummary): Named => ({
  country: { name: summary.countryName },
  preparedOn: summary.finalPreparedOn ?? today(),
  revision: summary.revision,
});

/** The headers of a briefing's PDF, the internal copy or the counterpart copy (its own file name). */
export function pdfHeaders(named: Named, variant: DocumentVariant = "internal"): Record<string, string> {
  return {
    "Content-Type": "application/pdf",
    "Content-Disposition": contentDisposition(briefingFileName(named, variant)),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

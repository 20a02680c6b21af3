import { buildDocument, type DocumentInput } from "@/lib/briefing/build-document";
import type { BriefingDocument, DocClearance } from "@/lib/briefing/document";
import { datedAfterYears } from "@/lib/briefing/settings";
import type { ClearanceLevel } from "@/lib/model/handling";
import type { Tx } from "../../client";
import { loadCountryMeetings, loadSources } from "./_document-data";
import type { BriefingRowsView } from "./_briefing-view";

/*
 * Building a briefing's document from rows, on the transaction given: run it in a read
 * transaction (or the write transaction that finalises), so the facts, meetings and sources
 * agree with each other. The building itself is pure (lib/briefing/build-document.ts).
 */

export const today = () => new Date().toISOString().slice(0, 10);

/**
 * The document of the given sections: the country's meetings (those a fact above `level` alone
 * would bring in left out) and every cited source are read here. The sections hold only facts
 * the reader may see: the callers narrowed them.
 */
export async function readAndBuild(
  tx: Tx,
  base: Omit<DocumentInput, "meetings" | "sources" | "datedAfterYears">,
  level: ClearanceLevel,
): Promise<BriefingDocument> {
  const facts = base.sections.flatMap((s) => s.items.map((i) => i.fact));
  const meetings = await loadCountryMeetings(tx, base.country.id, level);
  const sourceIds = new Set([
    ...facts.map((f) => f.sourceId),
    ...meetings.flatMap((m) => m.reports.map((r) => r.sourceId)),
  ]);
  return buildDocument({
    ...base,
    meetings,
    sources: await loadSources(tx, [...sourceIds]),
    datedAfterYears: datedAfterYears(),
  });
}

/**
 * The document of a briefing as its facts are now: included, live facts in the user's order,
 * with the clearance given (a draft's that still holds, see ../clearance/_clearance-check.ts),
 * for a reader cleared to `level` (the view must already be read or narrowed to it).
 */
export async function buildLiveDocument(
  tx: Tx,
  view: Omit<BriefingRowsView, "snapshot" | "sourceLabels" | "meetingNames" | "withheld">,
  level: ClearanceLevel,
  preparedOn: string = today(),
  clearance: DocClearance | null = null,
): Promise<BriefingDocument> {
  return readAndBuild(
    tx,
    {
      briefingId: view.id,
      title: view.title,
      country: { id: view.countryId, name: view.countryName },
      status: view.status,
      revision: view.revision,
      preparedBy: view.ownerName,
      preparedOn,
      clearance,
      content: view.content,
      sections: view.sections
        .map((s) => ({
          topicId: s.topicId,
          title: s.title,
          items: s.items.flatMap((i) =>
            i.included && i.fact && !i.fact.deletedAt ? [{ fact: i.fact, note: i.note }] : [],
          ),
        }))
        .filter((s) => s.items.length > 0),
    },
    level,
  );
}

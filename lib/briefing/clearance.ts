import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json";
import type { BriefingDocument } from "./document";

/**
 * What a clearer approves, as one SHA-256: the document as it would print — its text, sections,
 * facts in order with their notes, key figures, timeline, who's who, events and sources — and
 * the version of every fact in it (drafts read live facts, so an administrator's edit to one
 * changes the hash even where the printed words come out the same). Left out: the day it is
 * prepared on (a draft prints as of today; clearance must not lapse at midnight) and the
 * clearance itself. The data layer builds the document as of the approval's day both when it
 * approves and when it checks, so the facts' "dated" marks and the past/forthcoming split agree.
 */
export function clearanceHash(doc: BriefingDocument, factVersions: Record<string, number>): string {
  const { preparedOn: _preparedOn, clearance: _clearance, ...printed } = doc;
  return createHash("sha256")
    .update(canonicalJson({ document: printed, factVersions }))
    .digest("hex");
}

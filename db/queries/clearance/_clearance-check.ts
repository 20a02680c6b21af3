import { eq } from "drizzle-orm";
import { clearanceHash } from "@/lib/briefing/clearance";
import type { DocClearance } from "@/lib/briefing/document";
import type { Tx } from "../../client";
import { users, type ClearanceRequest } from "../../schema";
import { EVERY_FACT } from "../_fact-visibility";
import { printedFactVersions, type BriefingRowsView } from "../briefings/_briefing-view";
import { buildLiveDocument } from "../briefings/_document";

/*
 * Whether a draft's clearance still holds, on the transaction given; checks no permission.
 * A briefing is cleared while its latest request is approved and both the briefing's version
 * (any save bumps it) and the hash of its document as it would print (an administrator's edit
 * to one of its facts changes it) are still those approved.
 */

/** Where a briefing's clearance stands, from its latest request. */
export type ClearanceState = "not-submitted" | "pending" | "cleared" | "voided" | "returned" | "withdrawn";

export interface ClearanceCheck {
  state: ClearanceState;
  /** Why an approval no longer holds: the briefing was saved since, or its printed document changed. */
  voidedBecause: "edited" | "document-changed" | null;
  /** Who cleared it and on which day, while cleared. */
  clearance: DocClearance | null;
}

/**
 * The hash a clearer approves (lib/briefing/clearance.ts) of a draft as it reads now, its
 * document built as of `asOf` (the approval's day), so a check on a later day builds the same;
 * the whole document (`view` read with EVERY_FACT), whoever asks.
 */
export async function documentHashOf(tx: Tx, view: BriefingRowsView, asOf: string): Promise<string> {
  return clearanceHash(await buildLiveDocument(tx, view, EVERY_FACT, asOf), printedFactVersions(view));
}

export async function checkClearance(
  tx: Tx,
  view: BriefingRowsView,
  latest: ClearanceRequest | null,
): Promise<ClearanceCheck> {
  const none = { voidedBecause: null, clearance: null };
  if (!latest) return { state: "not-submitted", ...none };
  if (latest.status !== "approved") return { state: latest.status === "pending" ? "pending" : latest.status, ...none };
  if (latest.briefingVersion !== view.version) return { state: "voided", voidedBecause: "edited", clearance: null };
  const decidedOn = latest.decidedAt!.slice(0, 10);
  if ((await documentHashOf(tx, view, decidedOn)) !== latest.documentHash)
    return { state: "voided", voidedBecause: "document-changed", clearance: null };
  const [decider] = await tx.select({ name: users.name }).from(users).where(eq(users.id, latest.decidedBy!)).limit(1);
  return { state: "cleared", voidedBecause: null, clearance: { clearedBy: decider?.name ?? "", clearedOn: decidedOn } };
}

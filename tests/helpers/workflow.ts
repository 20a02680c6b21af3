import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { getBriefingView, type BriefingView } from "@/db/queries/briefings/get-briefing-view";
import { saveBriefing } from "@/db/queries/briefings/save-briefing";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { newBriefingSchema, type BriefingEdit } from "@/lib/validation/briefing";

/** A Kazakhstan draft of the actor's on a few topics (small, quick to build). */
export function draftFor(db: Database, owner: Actor, topics = ["transport-connectivity", "security"]): Promise<string> {
  return createBriefing({ actor: owner, input: newBriefingSchema.parse({ country: "KZ", topics }), db });
}

/** The composer's state as it would post it unchanged. */
export const editOf = (v: BriefingView): BriefingEdit => ({
  version: v.version,
  title: v.title,
  marking: v.content.marking,
  purpose: v.content.purpose,
  keyMessages: v.content.keyMessages,
  background: v.content.background,
  occasion: v.content.occasion,
  sections: v.sections.map((sec) => ({
    topicId: sec.topicId,
    items: sec.items.map((i) => ({ factId: i.factId, included: i.included, note: i.note })),
  })),
});

/** Saves the briefing as `actor` sees it now, with `change` applied (a new purpose by default). */
export async function saveAs(
  db: Database,
  actor: Actor,
  briefingId: string,
  change: Partial<BriefingEdit> = { purpose: `Edited ${Math.random()}` },
): Promise<{ version: number }> {
  const view = await getBriefingView({ actor, briefingId, db });
  return saveBriefing({ actor, briefingId, edit: { ...editOf(view), ...change }, db });
}

/** The status an operation was refused with (or "ok"), and its message: to compare refusals in one line. */
export async function outcome(run: () => Promise<unknown>): Promise<"ok" | { status: number; message: string }> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return { status: error.status, message: error.message };
    throw error;
  }
}

/** Just the status: "ok", 400, 403, 404, 409. */
export async function statusOf(run: () => Promise<unknown>): Promise<"ok" | number> {
  const o = await outcome(run);
  return o === "ok" ? o : o.status;
}

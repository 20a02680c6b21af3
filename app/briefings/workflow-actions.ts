"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getBriefingView } from "@/db/queries/briefings/get-briefing-view";
import { approveClearance } from "@/db/queries/clearance/approve-clearance";
import { returnClearance } from "@/db/queries/clearance/return-clearance";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { withdrawClearance } from "@/db/queries/clearance/withdraw-clearance";
import { addComment } from "@/db/queries/comments/add-comment";
import { reopenComment } from "@/db/queries/comments/reopen-comment";
import { resolveComment } from "@/db/queries/comments/resolve-comment";
import { markInboxSeen } from "@/db/queries/inbox/mark-inbox-seen";
import { findShareCandidates } from "@/db/queries/sharing/find-share-candidates";
import { shareBriefing } from "@/db/queries/sharing/share-briefing";
import { unshareBriefing } from "@/db/queries/sharing/unshare-briefing";
import { secureAction } from "@/app/_request/guard";
import type { Actor } from "@/lib/auth/actor";
import {
  approveClearanceSchema,
  commentFormSchema,
  commentIdSchema,
  markInboxSeenSchema,
  returnClearanceSchema,
  shareBriefingSchema,
  shareCandidatesQuerySchema,
  submitForClearanceFormSchema,
  unshareBriefingSchema,
  withdrawClearanceSchema,
} from "@/lib/validation/workflow";

/*
 * The workflow's actions (issue 15): sharing, comments, clearance and the inbox. Each goes
 * through secureAction with its schema; the data layer decides who may (loadBriefingFor).
 */

/** The briefing's pages and the lists and inbox that show it. */
function refresh(briefingId: string) {
  revalidatePath(`/briefings/${briefingId}`);
  revalidatePath(`/briefings/${briefingId}/preview`);
  revalidatePath("/briefings");
  revalidatePath("/");
}

export const findShareCandidatesAction = secureAction(
  { schema: shareCandidatesQuerySchema },
  async ({ briefingId, q }, actor) => ({ q, people: await findShareCandidates({ actor, briefingId, q }) }),
);

export const shareBriefingAction = secureAction({ schema: shareBriefingSchema }, async (input, actor) => {
  const outcome = await shareBriefing({ actor, ...input });
  refresh(input.briefingId);
  return { outcome };
});

export const unshareBriefingAction = secureAction({ schema: unshareBriefingSchema }, async (input, actor) => {
  const removed = await unshareBriefing({ actor, ...input });
  refresh(input.briefingId);
  return { removed };
});

export const addCommentAction = secureAction({ schema: commentFormSchema }, async (input, actor) => {
  const id = await addComment({ actor, ...input });
  refresh(input.briefingId);
  return { id };
});

export const resolveCommentAction = secureAction(
  { schema: commentIdSchema },
  async ({ briefingId, commentId }, actor) => {
    await resolveComment({ actor, commentId });
    refresh(briefingId);
    return true;
  },
);

export const reopenCommentAction = secureAction(
  { schema: commentIdSchema },
  async ({ briefingId, commentId }, actor) => {
    await reopenComment({ actor, commentId });
    refresh(briefingId);
    return true;
  },
);

export const submitForClearanceAction = secureAction({ schema: submitForClearanceFormSchema }, async (input, actor) => {
  const result = await submitForClearance({ actor, ...input });
  refresh(input.briefingId);
  return result;
});

export const withdrawClearanceAction = secureAction({ schema: withdrawClearanceSchema }, async (input, actor) => {
  await withdrawClearance({ actor, ...input });
  refresh(input.briefingId);
  return true;
});

/**
 * After a decision the clearer's access ends with the request unless the briefing is also
 * shared with them: then they go to their inbox, which says what they did.
 */
async function afterDecision(actor: Actor, briefingId: string, decision: "approved" | "returned") {
  refresh(briefingId);
  const stillVisible = await getBriefingView({ actor, briefingId }).then(
    () => true,
    () => false,
  );
  if (!stillVisible) redirect(`/?decision=${decision}`);
}

export const approveClearanceAction = secureAction({ schema: approveClearanceSchema }, async (input, actor) => {
  const cleared = await approveClearance({ actor, ...input });
  await afterDecision(actor, input.briefingId, "approved");
  return cleared;
});

export const returnClearanceAction = secureAction({ schema: returnClearanceSchema }, async (input, actor) => {
  const result = await returnClearance({ actor, ...input });
  await afterDecision(actor, input.briefingId, "returned");
  return result;
});

export const markInboxSeenAction = secureAction({ schema: markInboxSeenSchema }, async ({ seenAt }, actor) => {
  const at = await markInboxSeen({ actor, seenAt });
  revalidatePath("/", "layout");
  return at;
});

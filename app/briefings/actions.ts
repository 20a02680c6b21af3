"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { deleteBriefing } from "@/db/queries/briefings/delete-briefing";
import { duplicateBriefing } from "@/db/queries/briefings/duplicate-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { restoreBriefing } from "@/db/queries/briefings/restore-briefing";
import { saveBriefing } from "@/db/queries/briefings/save-briefing";
import { startNewRevision } from "@/db/queries/briefings/start-new-revision";
import { secureAction } from "@/app/_request/guard";
import { briefingIdSchema, newBriefingSchema, saveBriefingSchema } from "@/lib/validation/briefing";

// The topic checkboxes arrive as one comma-joined field (see new-briefing-form.tsx).
export const createBriefingAction = secureAction({ schema: newBriefingSchema }, async (input, actor) => {
  const id = await createBriefing({ actor, input });
  redirect(`/briefings/${id}`);
});

export const saveBriefingAction = secureAction(
  { schema: saveBriefingSchema },
  async ({ briefingId, payload }, actor) => {
    const result = await saveBriefing({ actor, briefingId, edit: payload });
    revalidatePath(`/briefings/${briefingId}`);
    return result;
  },
);

export const finaliseBriefingAction = secureAction(
  { schema: briefingIdSchema.extend({ version: z.coerce.number().int() }) },
  async ({ briefingId, version }, actor) => {
    await finaliseBriefing({ actor, briefingId, version });
    redirect(`/briefings/${briefingId}`);
  },
);

export const newRevisionAction = secureAction({ schema: briefingIdSchema }, async ({ briefingId }, actor) => {
  redirect(`/briefings/${await startNewRevision({ actor, briefingId })}`);
});

export const duplicateBriefingAction = secureAction({ schema: briefingIdSchema }, async ({ briefingId }, actor) => {
  redirect(`/briefings/${await duplicateBriefing({ actor, briefingId })}`);
});

export const deleteBriefingAction = secureAction({ schema: briefingIdSchema }, async ({ briefingId }, actor) => {
  await deleteBriefing({ actor, briefingId });
  revalidatePath("/briefings");
  return { message: "Briefing deleted. You can restore it from the list for 30 days." };
});

export const restoreBriefingAction = secureAction({ schema: briefingIdSchema }, async ({ briefingId }, actor) => {
  await restoreBriefing({ actor, briefingId });
  revalidatePath("/briefings");
  return { message: "Briefing restored." };
});

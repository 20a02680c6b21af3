"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  createBriefing,
  deleteBriefing,
  duplicateBriefing,
  restoreBriefing,
  saveBriefing,
} from "@/db/queries/briefings";
import { finaliseBriefing, startNewRevision } from "@/db/queries/briefing-lifecycle";
import { secureAction } from "@/app/_request/guard";
import { briefingIdSchema, newBriefingSchema, saveBriefingSchema } from "@/lib/validation/briefing";

// The topic checkboxes arrive as one comma-joined field (see new-briefing-form.tsx).
export const createBriefingAction = secureAction({ schema: newBriefingSchema }, (input, actor) => {
  const id = createBriefing({ actor, input });
  redirect(`/briefings/${id}`);
});

export const saveBriefingAction = secureAction({ schema: saveBriefingSchema }, ({ briefingId, payload }, actor) => {
  const result = saveBriefing({ actor, briefingId, edit: payload });
  revalidatePath(`/briefings/${briefingId}`);
  return result;
});

export const finaliseBriefingAction = secureAction(
  { schema: briefingIdSchema.extend({ version: z.coerce.number().int() }) },
  ({ briefingId, version }, actor) => {
    finaliseBriefing({ actor, briefingId, version });
    redirect(`/briefings/${briefingId}`);
  },
);

export const newRevisionAction = secureAction({ schema: briefingIdSchema }, ({ briefingId }, actor) => {
  redirect(`/briefings/${startNewRevision({ actor, briefingId })}`);
});

export const duplicateBriefingAction = secureAction({ schema: briefingIdSchema }, ({ briefingId }, actor) => {
  redirect(`/briefings/${duplicateBriefing({ actor, briefingId })}`);
});

export const deleteBriefingAction = secureAction({ schema: briefingIdSchema }, ({ briefingId }, actor) => {
  deleteBriefing({ actor, briefingId });
  revalidatePath("/briefings");
  return { message: "Briefing deleted. You can restore it from the list for 30 days." };
});

export const restoreBriefingAction = secureAction({ schema: briefingIdSchema }, ({ briefingId }, actor) => {
  restoreBriefing({ actor, briefingId });
  revalidatePath("/briefings");
  return { message: "Briefing restored." };
});

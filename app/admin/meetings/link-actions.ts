"use server";

import { revalidatePath } from "next/cache";
import {
  addMeetingReport,
  addParticipation,
  removeMeetingReport,
  removeParticipation,
} from "@/db/queries/meeting-links";
import { secureAction } from "@/app/_request/guard";
import {
  meetingReportFormSchema,
  participationFormSchema,
  removeMeetingReportSchema,
  removeParticipationSchema,
} from "@/lib/validation/participation";

const refresh = (meetingId: string) => revalidatePath(`/admin/meetings/${encodeURIComponent(meetingId)}`);

export const addParticipationAction = secureAction(
  { schema: participationFormSchema, admin: true },
  async (input, actor) => {
    await addParticipation({ actor, input });
    refresh(input.meetingId);
    return { message: "Participant added." };
  },
);

export const removeParticipationAction = secureAction(
  { schema: removeParticipationSchema, admin: true },
  async ({ meetingId, id, version }, actor) => {
    await removeParticipation({ actor, id, version });
    refresh(meetingId);
    return { message: "Participant removed." };
  },
);

export const addMeetingReportAction = secureAction(
  { schema: meetingReportFormSchema, admin: true },
  async (input, actor) => {
    await addMeetingReport({ actor, input });
    refresh(input.meetingId);
    return { message: "Report added." };
  },
);

export const removeMeetingReportAction = secureAction(
  { schema: removeMeetingReportSchema, admin: true },
  async (input, actor) => {
    await removeMeetingReport({ actor, ...input });
    refresh(input.meetingId);
    return { message: "Report removed." };
  },
);

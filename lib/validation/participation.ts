import { z } from "zod";
import { MEETING_REPORTS } from "@/lib/model/meetings";
import { cleanText } from "./text";

const id = z.string().trim().min(1).max(200);

/** A participant added to a meeting; an unnamed participant is a title without a person. */
export const participationFormSchema = z.object({
  meetingId: id,
  personId: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
  partyId: z.string().trim().min(1, "Choose the party they represented.").max(200),
  title: cleanText({ min: 1, max: 300, label: "Title" }),
  leadsDelegation: z
    .string()
    .optional()
    .transform((v) => v === "true" || v === "on"),
  sourceId: z.string().trim().min(1, "Choose the source that reports it.").max(200),
  quote: cleanText({ min: 1, max: 1000, label: "Quote", multiline: true }),
});
export type ParticipationInput = z.output<typeof participationFormSchema>;

/** A source's report of a meeting: announced, held or only mentioned, with the words that say so. */
export const meetingReportFormSchema = z.object({
  meetingId: id,
  sourceId: z.string().trim().min(1, "Choose the source.").max(200),
  reports: z.enum(MEETING_REPORTS, { message: "Choose what the source says of the meeting." }),
  quote: cleanText({ min: 1, max: 1000, label: "Quote", multiline: true }),
});
export type MeetingReportInput = z.output<typeof meetingReportFormSchema>;

export const removeParticipationSchema = z.object({ meetingId: id, id, version: z.coerce.number().int().positive() });
export const removeMeetingReportSchema = z.object({ meetingId: id, sourceId: id });

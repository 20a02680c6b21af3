import { z } from "zod";
import { COMMENT_MAX_CHARS, SHARE_ACCESS } from "@/lib/model/briefings";
import { cleanText } from "./text";

/*
 * The ministry's workflow around a briefing (issue 15): sharing, comments, clearance, the
 * inbox and hand-over. One schema per action form; the data layer parses the texts again with
 * the same pieces (commentBodySchema, clearanceNoteSchema), so a caller that skips the form
 * cannot store what the form refuses.
 */

/** A comment, a reply, or the comment a clearer returns a briefing with: 1 to 4,000 characters. */
export const commentBodySchema = cleanText({ min: 1, max: COMMENT_MAX_CHARS, label: "Comment", multiline: true });

/** The owner's optional note to the clearers: up to 4,000 characters, empty for none. */
export const clearanceNoteSchema = cleanText({ max: COMMENT_MAX_CHARS, label: "Note", multiline: true });

const id = z.string().trim().min(1).max(100);
const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => v || undefined);

/** A list of ids as a form posts it: repeated fields or one comma-joined field. */
const idList = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean));

export const shareBriefingSchema = z.object({
  briefingId: id,
  userId: id,
  access: z.enum(SHARE_ACCESS, { message: "Choose can view or can edit." }),
});

export const unshareBriefingSchema = z.object({ briefingId: id, userId: id });

/** The share dialog's search: a piece of a colleague's name or email. */
export const shareCandidatesQuerySchema = z.object({
  briefingId: id,
  q: z
    .string()
    .trim()
    .max(100)
    .transform((q) => q.normalize("NFC"))
    .default(""),
});

export const addCommentSchema = z.object({
  briefingId: id,
  body: commentBodySchema,
  /** A section's topic: the comment is on that section. */
  topicId: optionalId,
  /** A fact of the briefing: the comment is on it (its section is worked out). */
  factId: optionalId,
  /** A comment to reply to: the reply joins its thread, with its anchor. */
  parentId: optionalId,
});

export const commentIdSchema = z.object({ briefingId: id, commentId: id });

export const submitForClearanceSchema = z.object({
  briefingId: id,
  version: z.coerce.number().int().min(1),
  clearerIds: idList.refine((ids) => ids.length > 0, "Choose at least one clearer."),
  note: clearanceNoteSchema.default(""),
});

export const withdrawClearanceSchema = z.object({ briefingId: id });

export const approveClearanceSchema = z.object({
  briefingId: id,
  /** An optional word with the approval, kept as a comment. */
  comment: cleanText({ max: COMMENT_MAX_CHARS, label: "Comment", multiline: true }).default(""),
});

export const returnClearanceSchema = z.object({
  briefingId: id,
  comment: cleanText({ min: 1, max: COMMENT_MAX_CHARS, label: "Comment", multiline: true }),
});

export const handOverBriefingsSchema = z
  .object({ fromUserId: id, toUserId: id })
  .refine((v) => v.fromUserId !== v.toUserId, { message: "Choose another user.", path: ["toUserId"] });

/**
 * The comment form: where the comment goes arrives as one `anchor` field — "" (the whole
 * briefing), "topic:ID" (a section) or "fact:ID" (one fact) — so a plain select can pick it
 * without client code; a reply sends parentId instead.
 */
export const commentFormSchema = z
  .object({
    briefingId: id,
    body: commentBodySchema,
    anchor: z.string().trim().max(200).optional().default(""),
    parentId: optionalId,
  })
  .transform(({ anchor, ...rest }) => {
    const [kind, ...restOfId] = anchor.split(":");
    const value = restOfId.join(":").trim() || undefined;
    return {
      ...rest,
      topicId: kind === "topic" ? value : undefined,
      factId: kind === "fact" ? value : undefined,
    };
  });

/**
 * The submit form as a browser posts it without client code: one checkbox per clearer, named
 * `clearer:ID`, gathered into clearerIds (a comma-joined clearerIds field is accepted as well).
 */
export const submitForClearanceFormSchema = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const values = raw as Record<string, unknown>;
  const ticked = Object.keys(values)
    .filter((k) => k.startsWith("clearer:") && values[k])
    .map((k) => k.slice("clearer:".length));
  const given = typeof values.clearerIds === "string" ? values.clearerIds : "";
  return { ...values, clearerIds: [given, ...ticked].filter(Boolean).join(",") };
}, submitForClearanceSchema);

/** Marking the inbox seen up to when it was read (the page's readAt). */
export const markInboxSeenSchema = z.object({
  seenAt: z.string().trim().max(40).optional(),
});

/** The users page's hand-over form: the new owner named by email. */
export const handOverFormSchema = z.object({
  fromUserId: id,
  toEmail: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter the email of the colleague who takes the briefings over.")
    .max(254),
});

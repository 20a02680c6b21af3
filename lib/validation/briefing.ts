import { z } from "zod";
import { isValidIsoDay } from "@/lib/dates/date-span";
import { MARKINGS } from "@/lib/briefing/document";
import { cleanText } from "./text";

export const LIMITS = {
  title: 200,
  counterpartTitle: 200,
  purpose: 1000,
  keyMessage: 500,
  keyMessages: 20,
  background: 5000,
  note: 1000,
  occasionField: 200,
  query: 200,
} as const;

const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isValidIsoDay(v), `${label} must be a real date (YYYY-MM-DD).`);

const topicList = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean));

const filterFields = {
  // A party id; that it names a country (not an organisation) is checked where the party is read (createBriefing).
  country: z.string().trim().min(1, "Choose a country.").max(100, "Choose a country from the list."),
  topics: topicList,
  from: optionalDay("From"),
  to: optionalDay("To"),
  q: cleanText({ max: LIMITS.query, label: "Search words" })
    .optional()
    .transform((v) => v || undefined),
};
const rangeInOrder: [(f: { from?: string; to?: string }) => boolean, { message: string; path: string[] }] = [
  (f) => !f.from || !f.to || f.from <= f.to,
  { message: "The end of the range is before its start.", path: ["to"] },
];

/**
 * "Only new or changed since my last briefing": the checkbox sends `since=1`. Any other value,
 * or none, leaves the filter off (it is a view of the proposals, never an error).
 */
const onlySinceField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : [v]).includes("1"));

/** The proposal filters: from the "new briefing" form and its URL. */
export const proposalFiltersSchema = z
  .object({
    ...filterFields,
    since: onlySinceField,
    page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  })
  .refine(...rangeInOrder);
export type ProposalFilters = z.output<typeof proposalFiltersSchema>;

const occasionSchema = z.object({
  meeting: cleanText({ max: LIMITS.occasionField, label: "Meeting" }).default(""),
  date: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isValidIsoDay(v), "The meeting date must be a real date (YYYY-MM-DD)."),
  place: cleanText({ max: LIMITS.occasionField, label: "Place" }).default(""),
  counterpart: cleanText({ max: LIMITS.occasionField, label: "Counterpart" }).default(""),
  principal: cleanText({ max: LIMITS.occasionField, label: "Our principal" }).default(""),
});

/** Creating a briefing: the filters and the occasion it prepares for. */
export const newBriefingSchema = z
  .object({
    ...filterFields,
    occasionMeeting: occasionSchema.shape.meeting,
    occasionDate: occasionSchema.shape.date,
    occasionPlace: occasionSchema.shape.place,
    occasionCounterpart: occasionSchema.shape.counterpart,
    occasionPrincipal: occasionSchema.shape.principal,
  })
  .refine(...rangeInOrder);
export type NewBriefingInput = z.output<typeof newBriefingSchema>;

/** Everything the composer edits, saved at once. */
export const briefingEditSchema = z.object({
  version: z.number().int().min(1),
  title: cleanText({ min: 1, max: LIMITS.title, label: "Title" }),
  /**
   * The title the counterpart copy prints instead of the briefing's own (empty: a neutral one,
   * lib/briefing/counterpart.ts). Absent leaves the stored one as it is.
   */
  counterpartTitle: cleanText({ max: LIMITS.counterpartTitle, label: "Counterpart title" }).optional(),
  marking: z.enum(MARKINGS, { message: "Choose a marking from the list." }),
  purpose: cleanText({ max: LIMITS.purpose, label: "Purpose", multiline: true }),
  keyMessages: z
    .array(cleanText({ max: LIMITS.keyMessage, label: "A key message" }))
    .max(LIMITS.keyMessages, `At most ${LIMITS.keyMessages} key messages.`)
    .transform((list) => list.filter((m) => m.length > 0)),
  background: cleanText({ max: LIMITS.background, label: "Background", multiline: true }),
  occasion: occasionSchema,
  sections: z
    .array(
      z.object({
        topicId: z.string().min(1),
        items: z.array(
          z.object({
            factId: z.string().min(1),
            included: z.boolean(),
            note: cleanText({ max: LIMITS.note, label: "Note", multiline: true }),
          }),
        ),
      }),
    )
    .max(50)
    .refine(
      (sections) => new Set(sections.map((s) => s.topicId)).size === sections.length,
      "Each topic may be one section only; reload the page.",
    ),
});
export type BriefingEdit = z.output<typeof briefingEditSchema>;

/** The most characters of the composer's JSON (next.config.mjs lets an action body hold it: see body-size.ts). */
export const BRIEFING_PAYLOAD_MAX_CHARS = 2_000_000;

/** The composer posts its whole state as one JSON field. */
export const saveBriefingSchema = z.object({
  briefingId: z.string().min(1),
  payload: z
    .string()
    .max(BRIEFING_PAYLOAD_MAX_CHARS, "The briefing is too long to save; shorten its notes or text.")
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The briefing could not be read; reload the page." });
        return z.NEVER;
      }
    })
    .pipe(briefingEditSchema),
});

export const briefingIdSchema = z.object({ briefingId: z.string().min(1) });

/** What the `content` JSON column of a briefing holds; parsed on every read, defaults filled. */
export const briefingContentSchema = z.object({
  marking: z.enum(MARKINGS).catch("OFFICIAL"),
  purpose: z.string().catch(""),
  keyMessages: z.array(z.string()).catch([]),
  background: z.string().catch(""),
  /** Written for the counterpart copy; empty means the neutral title (briefings saved before it have none). */
  counterpartTitle: z.string().catch(""),
  occasion: z
    .object({
      meeting: z.string().catch(""),
      date: z.string().catch(""),
      place: z.string().catch(""),
      counterpart: z.string().catch(""),
      principal: z.string().catch(""),
    })
    .catch({ meeting: "", date: "", place: "", counterpart: "", principal: "" }),
  filters: z
    .object({
      topicIds: z.array(z.string()).catch([]),
      from: z.string().optional().catch(undefined),
      to: z.string().optional().catch(undefined),
      q: z.string().optional().catch(undefined),
    })
    .catch({ topicIds: [] }),
});
export type BriefingContent = z.output<typeof briefingContentSchema>;

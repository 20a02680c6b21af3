import { z } from "zod";
import { FACT_KINDS, FIGURE_RANKS } from "@/lib/model/facts";
import { checkHandling, DEFAULT_HANDLING, DEFAULT_MARKING, HANDLING_VALUES, MARKINGS } from "@/lib/model/handling";
import { MEETING_FORMATS, MEETING_MODES, MEETING_REPORTS, MEETING_STATUSES } from "@/lib/model/meetings";
import { PARTY_KINDS } from "@/lib/model/parties";
import { DATE_PRECISIONS, dateSpanProblem, isValidIsoDay } from "@/lib/dates/date-span";
import { textProblem } from "@/lib/validation/text";
import { isWebAddress, WEB_ADDRESS_MESSAGE } from "@/lib/validation/web-address";

/** The export/import document (docs/fact-base-format.md describes it for people). */
export const FACT_BASE_FORMAT = "chancery-fact-base";
export const FACT_BASE_VERSION = 1;

const id = z.string().min(1).max(200);
/** Stored text: NFC, no control or bidi-override characters (the same rule as the forms). */
const text = (max = 10_000) =>
  z
    .string()
    .max(max)
    .superRefine((v, ctx) => {
      const problem = textProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      else if (v !== v.normalize("NFC")) ctx.addIssue({ code: "custom", message: "Text must be in Unicode NFC form." });
    });
const day = z.string().refine(isValidIsoDay, "Not a real calendar day (YYYY-MM-DD).");
const stamp = z.string().max(40);
const curated = {
  version: z.number().int().positive(),
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: stamp.nullable(),
};
const span = {
  dateStart: day,
  dateEnd: day,
  datePrecision: z.enum(DATE_PRECISIONS),
  dateInferred: z.boolean(),
  dateNote: text(1000).nullable(),
};
const optionalSpan = {
  dateStart: day.nullable(),
  dateEnd: day.nullable(),
  datePrecision: z.enum(DATE_PRECISIONS).nullable(),
  dateInferred: z.boolean(),
  dateNote: text(1000).nullable(),
};

function checkSpan(
  s: { dateStart: string | null; dateEnd: string | null; datePrecision: string | null },
  ctx: z.RefinementCtx,
) {
  if (s.dateStart === null && s.dateEnd === null && s.datePrecision === null) return;
  const problem =
    s.dateStart && s.dateEnd && s.datePrecision
      ? dateSpanProblem({
          start: s.dateStart,
          end: s.dateEnd,
          precision: s.datePrecision as (typeof DATE_PRECISIONS)[number],
        })
      : "A date needs start, end and precision, or none of them.";
  if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["dateStart"] });
}

export const partyRecord = z.object({
  id,
  name: text(200),
  kind: z.enum(PARTY_KINDS),
  isoCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  aliases: z.array(text(200)),
  ...curated,
});
export const topicRecord = z.object({
  id,
  name: text(200),
  description: text(2000),
  sortOrder: z.number().int(),
  ...curated,
});
export const sourceRecord = z
  .object({
    id,
    publisher: text(300).nullable(),
    publisherNote: text(1000).nullable(),
    title: text(1000).nullable(),
    dateline: text(200).nullable(),
    publishedStart: day,
    publishedEnd: day,
    publishedPrecision: z.enum(DATE_PRECISIONS),
    publishedInferred: z.boolean(),
    publishedNote: text(1000).nullable(),
    url: z.string().refine(isWebAddress, WEB_ADDRESS_MESSAGE).nullable(),
    fileName: z.string().max(300).nullable(),
    addedAt: stamp,
    fullText: text(500_000),
    ...curated,
  })
  .superRefine((s, ctx) =>
    checkSpan({ dateStart: s.publishedStart, dateEnd: s.publishedEnd, datePrecision: s.publishedPrecision }, ctx),
  );
export const meetingRecordShape = z.object({
  id,
  name: text(500),
  series: text(200).nullable(),
  format: z.enum(MEETING_FORMATS),
  ordinal: z.number().int().positive().nullable(),
  ...optionalSpan,
  place: text(300).nullable(),
  hostPartyId: id.nullable(),
  mode: z.enum(MEETING_MODES),
  status: z.enum(MEETING_STATUSES),
  // Added with issue 13; files exported before it have none.
  expectedPartyIds: z.array(id).default([]),
  // Added with issue 16 (the counterpart copy); files exported before it have none: internal.
  handling: z.enum(HANDLING_VALUES).default(DEFAULT_HANDLING),
  ...curated,
  sources: z.array(z.object({ sourceId: id, reports: z.enum(MEETING_REPORTS), quote: text(5000) })),
});
export const meetingRecord = meetingRecordShape.superRefine(checkSpan);
export const personRecord = z.object({ id, name: text(300), aliases: z.array(text(300)), ...curated });
export const personRoleRecord = z.object({
  id,
  personId: id,
  partyId: id,
  title: text(500),
  validFrom: day.nullable(),
  validTo: day.nullable(),
  attestedOnly: z.boolean(),
  validFromPrecision: z.enum(DATE_PRECISIONS).default("day"),
  validToPrecision: z.enum(DATE_PRECISIONS).default("day"),
  sourceId: id.nullable(),
  quote: text(5000).nullable(),
  ...curated,
});
export const participationRecord = z.object({
  id,
  meetingId: id,
  personId: id.nullable(),
  partyId: id,
  title: text(500),
  leadsDelegation: z.boolean(),
  sourceId: id,
  quote: text(5000),
  ...curated,
});
export const factRecord = z
  .object({
    id,
    kind: z.enum(FACT_KINDS),
    text: text(5000),
    ...span,
    meetingId: id.nullable(),
    sourceId: id,
    quote: text(5000),
    metricKey: text(200).nullable(),
    value: z.number().nullable(),
    unit: text(100).nullable(),
    currency: text(20).nullable(),
    periodLabel: text(200).nullable(),
    approximate: z.boolean().default(false),
    rank: z.enum(FIGURE_RANKS).default("normal"),
    // Files exported before handling existed carry neither: the stored defaults (internal, OFFICIAL).
    handling: z.enum(HANDLING_VALUES).default(DEFAULT_HANDLING),
    marking: z.enum(MARKINGS).default(DEFAULT_MARKING),
    partyIds: z.array(id).min(1),
    topicIds: z.array(id).min(1),
    ...curated,
  })
  .superRefine((f, ctx) => {
    checkSpan(f, ctx);
    if ((f.kind === "figure") !== (f.metricKey !== null && f.value !== null && f.unit !== null)) {
      ctx.addIssue({
        code: "custom",
        message: "A figure needs metric key, value and unit; other kinds have none.",
        path: ["kind"],
      });
    }
    const handling = checkHandling(f.handling, f.marking);
    if (!handling.ok) ctx.addIssue({ code: "custom", message: handling.reason, path: ["marking"] });
  });

export const factBaseSchema = z.object({
  format: z.literal(FACT_BASE_FORMAT),
  version: z.literal(FACT_BASE_VERSION),
  exportedAt: z.string().optional(),
  parties: z.array(partyRecord),
  topics: z.array(topicRecord),
  sources: z.array(sourceRecord),
  meetings: z.array(meetingRecord),
  people: z.array(personRecord),
  personRoles: z.array(personRoleRecord),
  participations: z.array(participationRecord),
  facts: z.array(factRecord),
});
export type FactBaseDocument = z.output<typeof factBaseSchema>;

/** Names a zod issue by its record ("facts[3] fact-000-04: quote: …") so an import error points at the line to fix. */
export function describeIssue(doc: unknown, issue: z.core.$ZodIssue): string {
  const [table, index, ...rest] = issue.path;
  if (typeof table === "string" && typeof index === "number" && doc && typeof doc === "object") {
    const list = (doc as Record<string, unknown>)[table];
    const record = Array.isArray(list) ? list[index] : undefined;
    const recId =
      record && typeof record === "object" && "id" in record ? ` ${String((record as { id: unknown }).id)}` : "";
    return `${table}[${index}]${recId}: ${rest.length ? `${rest.join(".")}: ` : ""}${issue.message}`;
  }
  return `${issue.path.join(".") || "document"}: ${issue.message}`;
}

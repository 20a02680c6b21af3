import { z } from "zod";
import { DEFAULT_HANDLING, HANDLING_VALUES } from "@/lib/model/handling";
import { MEETING_FORMATS, MEETING_MODES, MEETING_STATUSES } from "@/lib/model/meetings";
import { PARTY_KINDS } from "@/lib/model/parties";
import { REFERENCE_KINDS } from "@/lib/model/reference-data";
import { DATE_PRECISIONS, dateSpanProblem } from "@/lib/dates/date-span";
import { cleanText } from "./text";

const optionalText = (max: number, label: string, multiline = false) =>
  z.preprocess((v) => v ?? "", cleanText({ max, label, multiline })).transform((v) => (v === "" ? null : v));
const aliases = z
  .preprocess((v) => v ?? "", cleanText({ max: 2000, label: "Aliases" }))
  .transform((v) =>
    v
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean),
  );
const optionalInt = (label: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = (v ?? "").trim();
      if (t === "") return null;
      if (!/^\d{1,6}$/.test(t)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a whole number.` });
        return z.NEVER;
      }
      return Number(t);
    });
/** Every generic form carries the record's id and the version it was loaded at (absent when new). */
const base = {
  id: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  version: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .pipe(z.number().int().positive().optional()),
};

export const partyFormSchema = z.object({
  ...base,
  name: cleanText({ min: 1, max: 120, label: "Name" }),
  kind: z.enum(PARTY_KINDS, { message: "Choose country or organisation." }),
  isoCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), "Two letters (ISO 3166-1 alpha-2), or empty.")
    .transform((v) => v || null),
  aliases,
});

export const topicFormSchema = z.object({
  ...base,
  name: cleanText({ min: 1, max: 120, label: "Name" }),
  description: z.preprocess((v) => v ?? "", cleanText({ max: 1000, label: "Description", multiline: true })),
  sortOrder: optionalInt("Sort order").transform((v) => v ?? 0),
});

export const personFormSchema = z.object({ ...base, name: cleanText({ min: 1, max: 200, label: "Name" }), aliases });

export const meetingFormSchema = z
  .object({
    ...base,
    name: cleanText({ min: 1, max: 300, label: "Name" }),
    series: optionalText(100, "Series"),
    format: z.enum(MEETING_FORMATS, { message: "Choose a format." }),
    ordinal: optionalInt("Ordinal"),
    dateStart: z
      .string()
      .trim()
      .transform((v) => v || null),
    dateEnd: z
      .string()
      .trim()
      .transform((v) => v || null),
    datePrecision: z.union([z.enum(DATE_PRECISIONS), z.literal("").transform(() => null)]),
    dateInferred: z
      .string()
      .optional()
      .transform((v) => v === "true" || v === "on"),
    dateNote: optionalText(500, "Date note", true),
    place: optionalText(200, "Place"),
    hostPartyId: z
      .string()
      .max(100)
      .optional()
      .transform((v) => v || null),
    mode: z.enum(MEETING_MODES),
    status: z.enum(MEETING_STATUSES),
    // The form always sends it; absent (a script, an older form) is the safe default, internal.
    handling: z.enum(HANDLING_VALUES, { message: "Choose a handling from the list." }).default(DEFAULT_HANDLING),
  })
  .superRefine((m, ctx) => {
    const given = [m.dateStart, m.dateEnd, m.datePrecision].filter((v) => v !== null).length;
    if (given === 0) return;
    if (given < 3)
      return void ctx.addIssue({
        code: "custom",
        message: "Give earliest day, latest day and precision, or none of them.",
        path: ["dateStart"],
      });
    const problem = dateSpanProblem({ start: m.dateStart!, end: m.dateEnd!, precision: m.datePrecision! });
    if (problem)
      ctx.addIssue({ code: "custom", message: problem, path: [problem.startsWith("End") ? "dateEnd" : "dateStart"] });
    if (m.dateInferred && !m.dateNote)
      ctx.addIssue({ code: "custom", message: "Say how an inferred date was worked out.", path: ["dateNote"] });
  });

export const deleteReferenceRecordSchema = z.object({
  kind: z.enum(REFERENCE_KINDS),
  id: z.string().min(1).max(100),
  version: z.coerce.number().int().positive(),
});

export const restoreReferenceRecordVersionSchema = deleteReferenceRecordSchema.extend({
  auditId: z.coerce.number().int().positive(),
});

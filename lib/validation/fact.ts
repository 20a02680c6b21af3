import { z } from "zod";
import { FACT_KINDS, FIGURE_RANKS } from "@/lib/model/facts";
import { checkHandling, DEFAULT_HANDLING, DEFAULT_MARKING, HANDLING_VALUES, MARKINGS } from "@/lib/model/handling";
import { DATE_PRECISIONS, dateSpanProblem } from "@/lib/dates/date-span";
import { cleanText } from "./text";

const idList = (label: string) =>
  z
    .string()
    .transform((v) =>
      [
        ...new Set(
          v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ].sort(),
    )
    .refine((ids) => ids.length >= 1, `Choose at least one ${label}.`)
    .refine((ids) => ids.every((id) => id.length <= 100), `Unknown ${label}.`);

/** Empty text from a form field means "not given". */
const optionalText = (max: number, label: string, multiline = false) =>
  z.preprocess((v) => v ?? "", cleanText({ max, label, multiline })).transform((v) => (v === "" ? null : v));

const FIGURE_FIELDS = ["metricKey", "value", "unit"] as const;

/**
 * A fact as the admin form sends it (every value a string, lists comma-joined), and as
 * the data layer accepts it: the one schema for the client form and the server action.
 */
export const factFormSchema = z
  .object({
    id: z
      .string()
      .max(100)
      .optional()
      .transform((v) => (v ? v : undefined)),
    /** The version the form was loaded at; absent when creating. */
    version: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : undefined))
      .pipe(z.number().int().positive().optional()),
    kind: z.enum(FACT_KINDS, { message: "Choose a kind." }),
    text: cleanText({ min: 1, max: 2000, label: "Text", multiline: true }),
    sourceId: z.string().min(1, "Choose the source.").max(100),
    quote: cleanText({ min: 1, max: 2000, label: "Quote", multiline: true }),
    meetingId: z
      .string()
      .max(100)
      .optional()
      .transform((v) => (v ? v : null)),
    dateStart: z.string().trim(),
    dateEnd: z.string().trim(),
    datePrecision: z.enum(DATE_PRECISIONS, { message: "Choose a precision." }),
    dateInferred: z
      .string()
      .optional()
      .transform((v) => v === "true" || v === "on"),
    dateNote: optionalText(500, "Date note", true),
    partyIds: idList("party"),
    topicIds: idList("topic"),
    metricKey: optionalText(120, "Metric key"),
    value: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const t = (v ?? "").trim();
        if (t === "") return null;
        const n = Number(t);
        if (!Number.isFinite(n)) {
          ctx.addIssue({ code: "custom", message: "Enter a number, such as 12.5 (no thousands separators)." });
          return z.NEVER;
        }
        return n;
      }),
    unit: optionalText(60, "Unit"),
    currency: optionalText(10, "Currency"),
    periodLabel: optionalText(120, "Period label"),
    /** The source says "about": printed "about …". */
    approximate: z
      .string()
      .optional()
      .transform((v) => v === "true" || v === "on"),
    /** Among conflicting values for the same metric and period; absent means normal. */
    rank: z.preprocess(
      (v) => (v === undefined || v === "" ? "normal" : v),
      z.enum(FIGURE_RANKS, { message: "Choose a rank." }),
    ),
    /** Whether it may be shared with the counterpart; absent means the default (internal). */
    handling: z.preprocess(
      (v) => (v === undefined || v === "" ? DEFAULT_HANDLING : v),
      z.enum(HANDLING_VALUES, { message: "Choose a handling." }),
    ),
    /** The marking it needs; absent means the default (OFFICIAL). */
    marking: z.preprocess(
      (v) => (v === undefined || v === "" ? DEFAULT_MARKING : v),
      z.enum(MARKINGS, { message: "Choose a marking." }),
    ),
  })
  .superRefine((f, ctx) => {
    const handling = checkHandling(f.handling, f.marking);
    if (!handling.ok) ctx.addIssue({ code: "custom", message: handling.reason, path: ["marking"] });
    const problem = dateSpanProblem({ start: f.dateStart, end: f.dateEnd, precision: f.datePrecision });
    if (problem)
      ctx.addIssue({ code: "custom", message: problem, path: [problem.startsWith("End") ? "dateEnd" : "dateStart"] });
    if (f.dateInferred && !f.dateNote)
      ctx.addIssue({ code: "custom", message: "Say how an inferred date was worked out.", path: ["dateNote"] });
    if (f.kind === "figure") {
      for (const field of FIGURE_FIELDS) {
        if (f[field] === null) ctx.addIssue({ code: "custom", message: "Required for a figure.", path: [field] });
      }
    } else {
      for (const field of [...FIGURE_FIELDS, "currency", "periodLabel"] as const) {
        if (f[field] !== null)
          ctx.addIssue({
            code: "custom",
            message: "Only a figure has this; clear it or make the kind Figure.",
            path: [field],
          });
      }
      if (f.approximate)
        ctx.addIssue({
          code: "custom",
          message: "Only a figure is approximate; untick it or make the kind Figure.",
          path: ["approximate"],
        });
      if (f.rank !== "normal")
        ctx.addIssue({
          code: "custom",
          message: "Only a figure is ranked; leave it normal or make the kind Figure.",
          path: ["rank"],
        });
    }
  });

export type FactFormInput = z.input<typeof factFormSchema>;
export type FactInput = z.output<typeof factFormSchema>;

/** The fields of a fact an admin edits, in form order (also the order of diffs and conflicts). */
export const FACT_FIELDS = [
  "kind",
  "text",
  "sourceId",
  "quote",
  "meetingId",
  "dateStart",
  "dateEnd",
  "datePrecision",
  "dateInferred",
  "dateNote",
  "partyIds",
  "topicIds",
  "metricKey",
  "value",
  "unit",
  "currency",
  "periodLabel",
  "approximate",
  "rank",
  "handling",
  "marking",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export const deleteFactSchema = z.object({
  id: z.string().min(1).max(100),
  version: z.coerce.number().int().positive(),
});
export const restoreFactVersionSchema = deleteFactSchema.extend({ auditId: z.coerce.number().int().positive() });

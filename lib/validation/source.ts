import { z } from "zod";
import { DATE_PRECISIONS, dateSpanProblem } from "@/lib/dates/date-span";
import { cleanText } from "./text";
import { isWebAddress, WEB_ADDRESS_MAX, WEB_ADDRESS_MESSAGE } from "./web-address";

const optionalText = (max: number, label: string, multiline = false) =>
  z.preprocess((v) => v ?? "", cleanText({ max, label, multiline })).transform((v) => (v === "" ? null : v));

/** A source (article) as the admin form sends it and the data layer stores it. */
export const sourceFormSchema = z
  .object({
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
    publisher: optionalText(200, "Publisher"),
    publisherNote: optionalText(500, "Publisher note", true),
    title: optionalText(500, "Title"),
    dateline: optionalText(100, "Dateline"),
    publishedStart: z.string().trim(),
    publishedEnd: z.string().trim(),
    publishedPrecision: z.enum(DATE_PRECISIONS, { message: "Choose a precision." }),
    publishedInferred: z
      .string()
      .optional()
      .transform((v) => v === "true" || v === "on"),
    publishedNote: optionalText(500, "Date note", true),
    url: optionalText(WEB_ADDRESS_MAX, "URL").refine((v) => v === null || isWebAddress(v), WEB_ADDRESS_MESSAGE),
    fullText: cleanText({ min: 1, max: 200_000, label: "Full text", multiline: true }),
  })
  .superRefine((s, ctx) => {
    const problem = dateSpanProblem({ start: s.publishedStart, end: s.publishedEnd, precision: s.publishedPrecision });
    if (problem)
      ctx.addIssue({
        code: "custom",
        message: problem,
        path: [problem.startsWith("End") ? "publishedEnd" : "publishedStart"],
      });
    if (s.publishedInferred && !s.publishedNote)
      ctx.addIssue({ code: "custom", message: "Say how an inferred date was worked out.", path: ["publishedNote"] });
  });
export type SourceInput = z.output<typeof sourceFormSchema>;

export const SOURCE_FIELDS = [
  "publisher",
  "publisherNote",
  "title",
  "dateline",
  "publishedStart",
  "publishedEnd",
  "publishedPrecision",
  "publishedInferred",
  "publishedNote",
  "url",
  "fullText",
] as const;

export const deleteSourceSchema = z.object({
  id: z.string().min(1).max(100),
  version: z.coerce.number().int().positive(),
});

export const restoreSourceVersionSchema = deleteSourceSchema.extend({ auditId: z.coerce.number().int().positive() });

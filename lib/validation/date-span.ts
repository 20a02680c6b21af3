import { z } from "zod";
import { DATE_PRECISIONS, dateSpanProblem } from "@/lib/dates/date-span";
import { cleanText } from "./text";

export const dateSpanSchema = z
  .object({
    start: z.string(),
    end: z.string(),
    precision: z.enum(DATE_PRECISIONS),
    inferred: z.boolean().default(false),
    note: cleanText({ max: 500, label: "Date note", multiline: true }).nullable().default(null),
  })
  .superRefine((span, ctx) => {
    const problem = dateSpanProblem(span);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["start"] });
    if (span.inferred && !span.note) ctx.addIssue({ code: "custom", message: "Say how an inferred date was worked out.", path: ["note"] });
  });

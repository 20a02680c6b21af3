import { z } from "zod";
import { isValidIsoDay } from "@/lib/dates/date-span";
import { cleanText } from "./text";

const optionalDay = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim() || null)
    .refine(
      (v) => v === null || isValidIsoDay(v),
      `${label} must be a real day (YYYY-MM-DD), or empty when not known.`,
    );

/** A title a person held for a period, as the role form sends it. */
export const personRoleFormSchema = z
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
    personId: z.string().min(1).max(100),
    partyId: z.string().min(1, "Choose the party.").max(100),
    title: cleanText({ min: 1, max: 300, label: "Title" }),
    validFrom: optionalDay("From"),
    validTo: optionalDay("To"),
    attestedOnly: z
      .string()
      .optional()
      .transform((v) => v === "true" || v === "on"),
    sourceId: z
      .string()
      .max(100)
      .optional()
      .transform((v) => v || null),
    quote: z
      .preprocess((v) => v ?? "", cleanText({ max: 2000, label: "Quote", multiline: true }))
      .transform((v) => v || null),
  })
  .superRefine((r, ctx) => {
    if (r.validFrom && r.validTo && r.validTo < r.validFrom)
      ctx.addIssue({ code: "custom", message: "To is before From.", path: ["validTo"] });
    if (r.quote && !r.sourceId)
      ctx.addIssue({ code: "custom", message: "Choose the source the quote is from.", path: ["sourceId"] });
  });
export type PersonRoleInput = z.output<typeof personRoleFormSchema>;

export const deletePersonRoleSchema = z.object({
  id: z.string().min(1).max(100),
  version: z.coerce.number().int().positive(),
  personId: z.string().min(1).max(100),
});

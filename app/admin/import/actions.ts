"use server";

import { revalidatePath } from "next/cache";
import { importFactBase, type ImportReport } from "@/db/queries/fact-base";
import { ValidationError } from "@/lib/errors";
import { secureAction } from "@/lib/next/guard";
import { importFactBaseSchema } from "@/lib/validation/fact-base-import";

export const importFactBaseAction = secureAction({ schema: importFactBaseSchema, admin: true }, ({ document }, actor): ImportReport => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new ValidationError("The file is not valid JSON.", { document: ["The file is not valid JSON."] });
  }
  const report = importFactBase({ actor, document: parsed });
  if (report.ok) revalidatePath("/admin", "layout");
  return report;
});

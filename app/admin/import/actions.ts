"use server";

import { revalidatePath } from "next/cache";
import { importFactBase, type ImportReport } from "@/db/queries/fact-base";
import { ValidationError } from "@/lib/errors";
import { secureAction, type ActionState } from "@/app/_request/guard";
import { importFactBaseSchema } from "@/lib/validation/fact-base-import";

const guardedImport = secureAction(
  { schema: importFactBaseSchema, admin: true },
  async ({ document }, actor): Promise<ImportReport> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(document);
    } catch {
      throw new ValidationError("The file is not valid JSON.", { document: ["The file is not valid JSON."] });
    }
    const report = await importFactBase({ actor, document: parsed });
    if (report.ok) revalidatePath("/admin", "layout");
    return report;
  },
);

/**
 * The import, answering without the values sent: they hold the whole file, which would travel
 * back to the browser and out again as the form's previous state with the next try (twice
 * the body, past the size limit for a large file).
 */
export async function importFactBaseAction(
  prev: ActionState<ImportReport>,
  formData: FormData,
): Promise<ActionState<ImportReport>> {
  const state = await guardedImport(prev, formData);
  return state && !state.ok ? { ...state, values: undefined } : state;
}

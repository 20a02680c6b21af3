import { z } from "zod";
import { formatMegabytes, IMPORT_MAX_BYTES, utf8Length } from "./body-size";

export { IMPORT_MAX_BYTES };

/** What the import form says of a file over the limit (it checks the size before sending, too). */
export function importTooLargeMessage(bytes: number): string {
  return `The file is too large (${formatMegabytes(bytes)}): at most ${formatMegabytes(IMPORT_MAX_BYTES)} can be imported.`;
}

/** The import form: the file's text, read in the browser (server actions receive strings here). */
export const importFactBaseSchema = z.object({
  document: z
    .string()
    .min(1, "Choose a file to import.")
    .superRefine((text, ctx) => {
      // Characters never outnumber UTF-8 bytes, so a text this long is over without counting.
      const bytes = text.length > IMPORT_MAX_BYTES ? text.length : utf8Length(text);
      if (bytes > IMPORT_MAX_BYTES) ctx.addIssue({ code: "custom", message: importTooLargeMessage(bytes) });
    }),
});

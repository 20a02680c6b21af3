import { z } from "zod";

/** The import form: the file's text, read in the browser (server actions receive strings here). */
export const importFactBaseSchema = z.object({
  document: z.string().min(1, "Choose a file to import.").max(20_000_000, "The file is too large (at most 20 MB)."),
});

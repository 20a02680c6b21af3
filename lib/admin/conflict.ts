import { z } from "zod";

/**
 * The saved record a 409 answer carries back to the form (ActionState.current): whatever
 * fields that kind of record has, and its version, which the next save must name.
 */
const savedRecordSchema = z.looseObject({ version: z.number().int().min(1) });
export type SavedRecord = z.output<typeof savedRecordSchema>;

/** The saved record in a conflict answer, or null when there is none to offer. */
export function savedRecord(current: unknown): SavedRecord | null {
  const parsed = savedRecordSchema.safeParse(current);
  return parsed.success ? parsed.data : null;
}

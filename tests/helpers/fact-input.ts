import type { FactRecord } from "@/db/queries/facts/get-fact";
import { factSnapshot } from "@/lib/admin/fact-snapshot";
import type { FactInput } from "@/lib/validation/fact";

/**
 * A stored fact as the input that would save it again, with `change` applied (the tests' edits):
 * the audit snapshot's curated fields (one list of them, lib/admin/fact-snapshot.ts), without
 * the deletion time, which no input carries.
 */
export const inputOf = (f: FactRecord, change: Partial<FactInput> = {}): FactInput => {
  const { deletedAt: _deletedAt, ...fields } = factSnapshot(f);
  return { ...fields, ...change };
};

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createReferenceRecord } from "@/db/queries/reference-data/create-reference-record";
import { deleteReferenceRecord } from "@/db/queries/reference-data/delete-reference-record";
import type { ReferenceValues } from "@/db/queries/reference-data/_records";
import { restoreReferenceRecordVersion } from "@/db/queries/reference-data/restore-reference-record-version";
import { updateReferenceRecord } from "@/db/queries/reference-data/update-reference-record";
import type { Actor } from "@/lib/auth/actor";
import { REFERENCE_DATA_SPECS } from "@/lib/admin/reference-data";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { secureAction } from "@/app/_request/guard";
import {
  deleteReferenceRecordSchema,
  restoreReferenceRecordVersionSchema,
  meetingFormSchema,
  partyFormSchema,
  personFormSchema,
  topicFormSchema,
} from "@/lib/validation/reference-data";

/** Creates the record, or updates it when the form names its id and the version it was loaded at. */
async function save<K extends ReferenceKind>(
  kind: K,
  { id, version }: { id?: string; version?: number },
  values: ReferenceValues<K>,
  actor: Actor,
): Promise<never> {
  const row =
    id && version
      ? await updateReferenceRecord({ actor, kind, id, version, values })
      : await createReferenceRecord({ actor, kind, values });
  const path = REFERENCE_DATA_SPECS[kind].path;
  revalidatePath(path);
  redirect(`${path}/${encodeURIComponent(row.id)}?done=saved`);
}

export const savePartyAction = secureAction(
  { schema: partyFormSchema, admin: true },
  ({ id, version, ...values }, actor) => save("party", { id, version }, values, actor),
);
export const saveTopicAction = secureAction(
  { schema: topicFormSchema, admin: true },
  ({ id, version, ...values }, actor) => save("topic", { id, version }, values, actor),
);
export const savePersonAction = secureAction(
  { schema: personFormSchema, admin: true },
  ({ id, version, ...values }, actor) => save("person", { id, version }, values, actor),
);
export const saveMeetingAction = secureAction(
  { schema: meetingFormSchema, admin: true },
  ({ id, version, ...values }, actor) => save("meeting", { id, version }, values, actor),
);

export const deleteReferenceRecordAction = secureAction(
  { schema: deleteReferenceRecordSchema, admin: true },
  async (input, actor) => {
    await deleteReferenceRecord({ actor, ...input });
    const path = REFERENCE_DATA_SPECS[input.kind].path;
    revalidatePath(path);
    redirect(`${path}?done=deleted`);
  },
);

export const restoreReferenceRecordVersionAction = secureAction(
  { schema: restoreReferenceRecordVersionSchema, admin: true },
  async (input, actor) => {
    const row = await restoreReferenceRecordVersion({ actor, ...input });
    const path = REFERENCE_DATA_SPECS[input.kind].path;
    revalidatePath(path);
    redirect(`${path}/${encodeURIComponent(row.id)}?done=restored`);
  },
);

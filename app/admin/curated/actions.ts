"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createCurated,
  deleteCurated,
  restoreCuratedVersion,
  updateCurated,
  type CuratedEntity,
} from "@/db/queries/curated";
import type { Actor } from "@/lib/auth/actor";
import { ENTITIES } from "@/lib/admin/entities";
import { secureAction } from "@/app/_request/guard";
import {
  deleteCuratedSchema,
  restoreCuratedVersionSchema,
  meetingFormSchema,
  partyFormSchema,
  personFormSchema,
  topicFormSchema,
} from "@/lib/validation/reference-data";

function save(
  entity: CuratedEntity,
  input: { id?: string; version?: number } & Record<string, unknown>,
  actor: Actor,
): never {
  const { id, version, ...values } = input;
  const row =
    id && version ? updateCurated({ actor, entity, id, version, values }) : createCurated({ actor, entity, values });
  const path = ENTITIES[entity].path;
  revalidatePath(path);
  redirect(`${path}/${encodeURIComponent(row.id)}?done=saved`);
}

export const savePartyAction = secureAction({ schema: partyFormSchema, admin: true }, (input, actor) =>
  save("party", input, actor),
);
export const saveTopicAction = secureAction({ schema: topicFormSchema, admin: true }, (input, actor) =>
  save("topic", input, actor),
);
export const savePersonAction = secureAction({ schema: personFormSchema, admin: true }, (input, actor) =>
  save("person", input, actor),
);
export const saveMeetingAction = secureAction({ schema: meetingFormSchema, admin: true }, (input, actor) =>
  save("meeting", input, actor),
);

export const deleteCuratedAction = secureAction({ schema: deleteCuratedSchema, admin: true }, (input, actor) => {
  deleteCurated({ actor, ...input });
  const path = ENTITIES[input.entity].path;
  revalidatePath(path);
  redirect(`${path}?done=deleted`);
});

export const restoreCuratedVersionAction = secureAction(
  { schema: restoreCuratedVersionSchema, admin: true },
  (input, actor) => {
    const row = restoreCuratedVersion({ actor, ...input });
    const path = ENTITIES[input.entity].path;
    revalidatePath(path);
    redirect(`${path}/${encodeURIComponent(row.id)}?done=restored`);
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { deletePersonRole, savePersonRole } from "@/db/queries/people";
import { secureAction } from "@/app/_request/guard";
import { deletePersonRoleSchema, personRoleFormSchema } from "@/lib/validation/person-role";

export const savePersonRoleAction = secureAction(
  { schema: personRoleFormSchema, admin: true },
  async (input, actor) => {
    const role = await savePersonRole({ actor, input });
    revalidatePath(`/admin/people/${input.personId}`);
    return { id: role.id, version: role.version };
  },
);

export const deletePersonRoleAction = secureAction(
  { schema: deletePersonRoleSchema, admin: true },
  async ({ personId, ...input }, actor) => {
    await deletePersonRole({ actor, ...input });
    revalidatePath(`/admin/people/${personId}`);
    return true;
  },
);

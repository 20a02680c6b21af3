"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createFact } from "@/db/queries/facts/create-fact";
import { deleteFact } from "@/db/queries/facts/delete-fact";
import { restoreFactVersion } from "@/db/queries/facts/restore-fact-version";
import { undeleteFact } from "@/db/queries/facts/undelete-fact";
import { updateFact } from "@/db/queries/facts/update-fact";
import { secureAction } from "@/app/_request/guard";
import { deleteFactSchema, factFormSchema, restoreFactVersionSchema } from "@/lib/validation/fact";

function after(id: string, note: string): never {
  revalidatePath("/admin/facts");
  redirect(`/admin/facts/${encodeURIComponent(id)}?done=${note}`);
}

export const saveFactAction = secureAction({ schema: factFormSchema, admin: true }, async (input, actor) => {
  if (input.id && input.version) {
    const saved = await updateFact({ actor, id: input.id, version: input.version, input });
    return after(saved.id, "saved");
  }
  const created = await createFact({ actor, input: { ...input, id: undefined } });
  return after(created.id, "created");
});

export const deleteFactAction = secureAction({ schema: deleteFactSchema, admin: true }, async (input, actor) => {
  await deleteFact({ actor, ...input });
  revalidatePath("/admin/facts");
  redirect("/admin/facts/trash?done=deleted");
});

export const undeleteFactAction = secureAction({ schema: deleteFactSchema, admin: true }, async (input, actor) => {
  const fact = await undeleteFact({ actor, ...input });
  return after(fact.id, "undeleted");
});

export const restoreFactVersionAction = secureAction(
  { schema: restoreFactVersionSchema, admin: true },
  async (input, actor) => {
    const fact = await restoreFactVersion({ actor, ...input });
    return after(fact.id, "restored");
  },
);

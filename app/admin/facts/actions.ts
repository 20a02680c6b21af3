"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createFact, deleteFact, restoreFactVersion, undeleteFact, updateFact } from "@/db/queries/fact-changes";
import { secureAction } from "@/app/_request/guard";
import { deleteFactSchema, factFormSchema, restoreFactVersionSchema } from "@/lib/validation/fact";

function after(id: string, note: string): never {
  revalidatePath("/admin/facts");
  redirect(`/admin/facts/${encodeURIComponent(id)}?done=${note}`);
}

export const saveFactAction = secureAction({ schema: factFormSchema, admin: true }, (input, actor) => {
  if (input.id && input.version) {
    const saved = updateFact({ actor, id: input.id, version: input.version, input });
    return after(saved.id, "saved");
  }
  const created = createFact({ actor, input: { ...input, id: undefined } });
  return after(created.id, "created");
});

export const deleteFactAction = secureAction({ schema: deleteFactSchema, admin: true }, (input, actor) => {
  deleteFact({ actor, ...input });
  revalidatePath("/admin/facts");
  redirect("/admin/facts/trash?done=deleted");
});

export const undeleteFactAction = secureAction({ schema: deleteFactSchema, admin: true }, (input, actor) => {
  const fact = undeleteFact({ actor, ...input });
  return after(fact.id, "undeleted");
});

export const restoreFactVersionAction = secureAction(
  { schema: restoreFactVersionSchema, admin: true },
  (input, actor) => {
    const fact = restoreFactVersion({ actor, ...input });
    return after(fact.id, "restored");
  },
);

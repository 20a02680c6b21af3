"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createSource, deleteSource, restoreSourceVersion, updateSource } from "@/db/queries/sources";
import { secureAction } from "@/app/_request/guard";
import { deleteSourceSchema, restoreSourceVersionSchema, sourceFormSchema } from "@/lib/validation/source";

export const saveSourceAction = secureAction({ schema: sourceFormSchema, admin: true }, (input, actor) => {
  const saved =
    input.id && input.version
      ? updateSource({ actor, id: input.id, version: input.version, input })
      : createSource({ actor, input: { ...input, id: undefined } });
  revalidatePath("/admin/sources");
  redirect(`/admin/sources/${encodeURIComponent(saved.id)}?done=saved`);
});

export const deleteSourceAction = secureAction({ schema: deleteSourceSchema, admin: true }, (input, actor) => {
  deleteSource({ actor, ...input });
  revalidatePath("/admin/sources");
  redirect("/admin/sources?done=deleted");
});

export const restoreSourceVersionAction = secureAction(
  { schema: restoreSourceVersionSchema, admin: true },
  (input, actor) => {
    const restored = restoreSourceVersion({ actor, ...input });
    revalidatePath("/admin/sources");
    redirect(`/admin/sources/${encodeURIComponent(restored.id)}?done=restored`);
  },
);

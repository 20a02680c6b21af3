"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createSource } from "@/db/queries/sources/create-source";
import { deleteSource } from "@/db/queries/sources/delete-source";
import { restoreSourceVersion } from "@/db/queries/sources/restore-source-version";
import { updateSource } from "@/db/queries/sources/update-source";
import { secureAction } from "@/app/_request/guard";
import { deleteSourceSchema, restoreSourceVersionSchema, sourceFormSchema } from "@/lib/validation/source";

export const saveSourceAction = secureAction({ schema: sourceFormSchema, admin: true }, async (input, actor) => {
  const saved =
    input.id && input.version
      ? await updateSource({ actor, id: input.id, version: input.version, input })
      : await createSource({ actor, input: { ...input, id: undefined } });
  revalidatePath("/admin/sources");
  redirect(`/admin/sources/${encodeURIComponent(saved.id)}?done=saved`);
});

export const deleteSourceAction = secureAction({ schema: deleteSourceSchema, admin: true }, async (input, actor) => {
  await deleteSource({ actor, ...input });
  revalidatePath("/admin/sources");
  redirect("/admin/sources?done=deleted");
});

export const restoreSourceVersionAction = secureAction(
  { schema: restoreSourceVersionSchema, admin: true },
  async (input, actor) => {
    const restored = await restoreSourceVersion({ actor, ...input });
    revalidatePath("/admin/sources");
    redirect(`/admin/sources/${encodeURIComponent(restored.id)}?done=restored`);
  },
);

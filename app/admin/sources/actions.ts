"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createSource, deleteSource, updateSource } from "@/db/queries/sources";
import { secureAction } from "@/lib/next/guard";
import { deleteSourceSchema, sourceFormSchema } from "@/lib/validation/source";

export const saveSourceAction = secureAction({ schema: sourceFormSchema, admin: true }, (input, actor) => {
  const saved = input.id && input.version
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

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { undeleteReferenceRecord } from "@/db/queries/reference-data/undelete-reference-record";
import { undeleteSource } from "@/db/queries/sources/undelete-source";
import { secureAction } from "@/app/_request/guard";

const TRASH_KINDS = ["source", "meeting", "person", "party", "topic"] as const;
const undeleteSchema = z.object({
  kind: z.enum(TRASH_KINDS),
  id: z.string().min(1).max(200),
  version: z.coerce.number().int().positive(),
});

export const undeleteAction = secureAction(
  { schema: undeleteSchema, admin: true },
  async ({ kind, id, version }, actor) => {
    if (kind === "source") await undeleteSource({ actor, id, version });
    else await undeleteReferenceRecord({ actor, kind, id, version });
    revalidatePath("/admin/trash");
    return { message: "Restored from the trash." };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clearThrottle } from "@/db/queries/sign-in-limits";
import { secureAction } from "@/app/_request/guard";

const clearThrottleSchema = z.object({ key: z.string().min(1).max(600) });

export const clearThrottleAction = secureAction(
  { schema: clearThrottleSchema, admin: true },
  async ({ key }, actor) => {
    const { cleared } = await clearThrottle({ actor, key });
    revalidatePath("/admin/sign-in-limits");
    return { message: `Cleared ${cleared} failed attempt${cleared === 1 ? "" : "s"}.` };
  },
);

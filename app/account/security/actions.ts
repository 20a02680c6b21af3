"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { confirmSecondFactor } from "@/db/queries/two-factor/confirm-second-factor";
import { replaceRecoveryCodes } from "@/db/queries/two-factor/replace-recovery-codes";
import { startSecondFactorSetup } from "@/db/queries/two-factor/start-second-factor-setup";
import { turnOffSecondFactor } from "@/db/queries/two-factor/turn-off-second-factor";
import { secureAction } from "@/app/_request/guard";
import {
  confirmSecondFactorSchema,
  replaceRecoveryCodesSchema,
  turnOffSecondFactorSchema,
} from "@/lib/validation/user";

// All open to a user who must still set up a second factor: this is where they do it.
const open = { beforeEnrolment: true } as const;

export const startSetupAction = secureAction({ schema: z.object({}), ...open }, async (_input, actor) => {
  await startSecondFactorSetup({ actor });
  revalidatePath("/account/security");
  return true;
});

/**
 * Returns the recovery codes, shown this once. No revalidation: the page would re-render
 * without them before the user had saved them; the form links back to the page instead.
 */
export const confirmSetupAction = secureAction(
  { schema: confirmSecondFactorSchema, ...open },
  async ({ code }, actor) => await confirmSecondFactor({ actor, code }),
);

export const turnOffAction = secureAction({ schema: turnOffSecondFactorSchema, ...open }, async (input, actor) => {
  await turnOffSecondFactor({ actor, ...input });
  revalidatePath("/account/security");
  return true;
});

/** Returns the new recovery codes, shown this once (no revalidation, as for the set-up). */
export const replaceRecoveryCodesAction = secureAction(
  { schema: replaceRecoveryCodesSchema, ...open },
  async (input, actor) => await replaceRecoveryCodes({ actor, ...input }),
);

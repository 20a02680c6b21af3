"use server";

import { revalidatePath } from "next/cache";
import { handOverBriefings } from "@/db/queries/briefings/hand-over-briefings";
import { changeClearanceLevel } from "@/db/queries/users/change-clearance-level";
import { changeUserRole } from "@/db/queries/users/change-user-role";
import { findUserIdByEmail } from "@/db/queries/users/find-user-id-by-email";
import { createUser } from "@/db/queries/users/create-user";
import { setUserDisabled } from "@/db/queries/users/set-user-disabled";
import { resetSecondFactor } from "@/db/queries/users/reset-second-factor";
import { setUserPassword } from "@/db/queries/users/set-user-password";
import { secureAction } from "@/app/_request/guard";
import {
  changeClearanceLevelSchema,
  changeRoleSchema,
  newUserSchema,
  resetSecondFactorSchema,
  setDisabledSchema,
  setPasswordSchema,
} from "@/lib/validation/user";
import { handOverFormSchema } from "@/lib/validation/workflow";
import { isAppError, ValidationError } from "@/lib/errors";

const done = <T>(value: T) => {
  revalidatePath("/admin/users");
  return value;
};

export const createUserAction = secureAction({ schema: newUserSchema, admin: true }, async (input, actor) =>
  done(await createUser({ actor, input }).then((u) => ({ email: u.email }))),
);

export const changeRoleAction = secureAction({ schema: changeRoleSchema, admin: true }, async (input, actor) =>
  done(await changeUserRole({ actor, ...input }).then((u) => ({ role: u.role, clearer: u.clearer }))),
);

export const changeClearanceLevelAction = secureAction(
  { schema: changeClearanceLevelSchema, admin: true },
  async (input, actor) => done(await changeClearanceLevel({ actor, ...input }).then((u) => u.clearanceLevel)),
);

export const setDisabledAction = secureAction({ schema: setDisabledSchema, admin: true }, async (input, actor) =>
  done((await setUserDisabled({ actor, ...input })).disabledAt !== null),
);

export const setPasswordAction = secureAction({ schema: setPasswordSchema, admin: true }, async (input, actor) =>
  done(await setUserPassword({ actor, ...input }).then(() => true)),
);

/** Hands a disabled user's briefings over to the colleague named by email (the data layer checks both). */
export const handOverBriefingsAction = secureAction(
  { schema: handOverFormSchema, admin: true },
  async ({ fromUserId, toEmail }, actor) => {
    let toUserId: string;
    try {
      toUserId = await findUserIdByEmail({ actor, email: toEmail });
    } catch (error) {
      if (isAppError(error) && error.status === 404)
        throw new ValidationError(error.message, { toEmail: [error.message] });
      throw error;
    }
    return done((await handOverBriefings({ actor, fromUserId, toUserId })).briefingIds.length);
  },
);

export const resetSecondFactorAction = secureAction(
  { schema: resetSecondFactorSchema, admin: true },
  async ({ userId, actorCode }, actor) =>
    done(await resetSecondFactor({ actor, userId, actorCode: actorCode || undefined }).then(() => true)),
);

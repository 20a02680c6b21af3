/**
 * npm run user:reset-2fa -- --email EMAIL — removes the account's second factor (lost phone,
 * or an administrator locked out) and ends its sessions; the user signs in with their password
 * and sets up a new one. Audited as 2fa.reset by the command line.
 */
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { findUserIdByEmail } from "@/db/queries/users/find-user-id-by-email";
import { resetSecondFactor } from "@/db/queries/users/reset-second-factor";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { prepareDatabase } from "@/db/setup/prepare-database";

const { values } = parseArgs({ options: { email: { type: "string" } } });
try {
  if (!values.email) {
    console.error("Usage: npm run user:reset-2fa -- --email EMAIL");
    process.exitCode = 2;
  } else {
    await prepareDatabase({ seed: false });
    const user = await resetSecondFactor({
      actor: SYSTEM_ACTOR,
      userId: await findUserIdByEmail({ actor: SYSTEM_ACTOR, email: values.email }),
    });
    console.log(
      `Reset the two-step verification of ${user.email}; their sessions have ended. They sign in with their password and set it up again.`,
    );
  }
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  closeDb();
}

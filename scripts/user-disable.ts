/** npm run user:disable -- --email EMAIL — disables the account and ends its sessions at once. */
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { findUserIdByEmail } from "@/db/queries/users/find-user-id-by-email";
import { setUserDisabled } from "@/db/queries/users/set-user-disabled";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { prepareDatabase } from "@/db/setup/prepare-database";

const { values } = parseArgs({ options: { email: { type: "string" } } });
try {
  if (!values.email) {
    console.error("Usage: npm run user:disable -- --email EMAIL");
    process.exitCode = 2;
  } else {
    await prepareDatabase({ seed: false });
    const user = await setUserDisabled({
      actor: SYSTEM_ACTOR,
      userId: await findUserIdByEmail({ actor: SYSTEM_ACTOR, email: values.email }),
      disabled: true,
    });
    console.log(`Disabled ${user.email}; their sessions have ended.`);
  }
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  closeDb();
}

/**
 * npm run user:add -- --email EMAIL --role admin|staff --name NAME
 * The password is read from standard input when it is not a terminal (so it never shows in
 * the process list or shell history), else prompted for without echo.
 */
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { createUser } from "@/db/queries/users/create-user";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { prepareDatabase } from "@/db/setup/prepare-database";
import { newUserSchema } from "@/lib/validation/user";
import { readPassword } from "./lib/read-password";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "staff" }, name: { type: "string" } },
});

async function main() {
  const password = await readPassword("Password (at least 12 characters): ");
  const parsed = newUserSchema.safeParse({
    email: values.email ?? "",
    role: values.role,
    name: values.name ?? "",
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
    console.error("Usage: npm run user:add -- --email EMAIL --role admin|staff --name NAME  (password on stdin)");
    return 2;
  }
  await prepareDatabase({ seed: false });
  const user = await createUser({ actor: SYSTEM_ACTOR, input: parsed.data });
  console.log(`Created ${user.role} ${user.email}`);
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error) => {
    console.error(error instanceof AppError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);

/**
 * npm run user:add -- --email EMAIL --role staff|admin[,clearer] --name NAME [--clearance LEVEL]
 * The roles are comma-separated: at most one of staff and admin (staff when neither is named),
 * and clearer beside it (`--role staff,clearer`, or `--role clearer` for a staff clearer).
 * `--clearance` is the highest marking the user may see: OFFICIAL (the default),
 * OFFICIAL-SENSITIVE or SECRET.
 * The password is read from standard input when it is not a terminal (so it never shows in
 * the process list or shell history), else prompted for without echo.
 */
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { createUser } from "@/db/queries/users/create-user";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { roleLabels } from "@/lib/model/users";
import { prepareDatabase } from "@/db/setup/prepare-database";
import { DEFAULT_CLEARANCE_LEVEL } from "@/lib/model/handling";
import { clearanceLevelSchema, newUserSchema, parseRoleList } from "@/lib/validation/user";
import { readPassword } from "./lib/read-password";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "staff" },
    name: { type: "string" },
    clearance: { type: "string", default: DEFAULT_CLEARANCE_LEVEL },
  },
});

const USAGE =
  "Usage: npm run user:add -- --email EMAIL --role staff|admin[,clearer] --name NAME [--clearance OFFICIAL|OFFICIAL-SENSITIVE|SECRET]  (password on stdin)";

async function main() {
  // The roles are checked before the password is asked for: a typo costs no typing.
  const roles = parseRoleList(values.role ?? "staff");
  if (!roles.ok) {
    console.error(`role: ${roles.message}`);
    console.error(USAGE);
    return 2;
  }
  const clearance = clearanceLevelSchema.safeParse((values.clearance ?? "").trim().toUpperCase());
  if (!clearance.success) {
    console.error(`clearance: ${clearance.error.issues[0].message}`);
    console.error(USAGE);
    return 2;
  }
  const password = await readPassword("Password (at least 12 characters): ");
  const parsed = newUserSchema.safeParse({
    email: values.email ?? "",
    role: roles.role,
    clearer: roles.clearer,
    clearanceLevel: clearance.data,
    name: values.name ?? "",
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  await prepareDatabase({ seed: false });
  const user = await createUser({ actor: SYSTEM_ACTOR, input: parsed.data });
  console.log(
    `Created ${roleLabels(user).join(" and ").toLowerCase()} ${user.email}, cleared to ${user.clearanceLevel}`,
  );
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error) => {
    console.error(error instanceof AppError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);

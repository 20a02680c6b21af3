import { parseArgs } from "node:util";
import { z } from "zod";
import { copyDatabase, DEFAULT_BATCH_SIZE, TargetNotEmptyError, verifyCopy } from "@/db/copy/copy-database";
import { formatChecks } from "@/db/copy/table-hashes";
import { withoutPassword } from "@/lib/database-engine";

const USAGE = `Usage:
  npm run db:copy -- --from SOURCE --to TARGET [--replace] [--batch-size N]
  npm run db:copy -- --verify --from SOURCE --to TARGET
SOURCE and TARGET are a SQLite file path or a postgres:// URL. The target is migrated first and
must hold no rows unless --replace (which deletes them, in the copy's transaction). The copy is
committed only if every table's row count and content hash match at both ends.`;

// Second factors are stored encrypted (lib/auth/two-factor-key.ts): without the same key the
// copied ones cannot be read, and their users cannot finish signing in.
const SECOND_FACTOR_NOTE = `Second factors were copied encrypted: run the app on the target with the key that
encrypted them — the source app's CHANCERY_2FA_KEY, or the contents of its data directory's
two-factor-key file (CHANCERY_2FA_KEY=$(cat data/two-factor-key)).`;

const Args = z
  .object({
    from: z.string().min(1, "--from is required"),
    to: z.string().min(1, "--to is required"),
    replace: z.boolean().default(false),
    verify: z.boolean().default(false),
    "batch-size": z.coerce.number().int().min(1).max(100_000).default(DEFAULT_BATCH_SIZE),
  })
  .refine((a) => !(a.verify && a.replace), "--verify writes nothing: --replace does not go with it");

function readArgs() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        from: { type: "string" },
        to: { type: "string" },
        replace: { type: "boolean" },
        verify: { type: "boolean" },
        "batch-size": { type: "string" },
      },
    });
    const parsed = Args.safeParse({ from: "", to: "", ...values });
    if (parsed.success) return parsed.data;
    return { error: parsed.error.issues.map((i) => i.message).join("\n") };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const args = readArgs();
if ("error" in args) {
  console.error(`${args.error}\n${USAGE}`);
  process.exit(2);
}
const from = withoutPassword(args.from);
const to = withoutPassword(args.to);
try {
  if (args.verify) {
    const { ok, checks } = await verifyCopy({ from: args.from, to: args.to, batchSize: args["batch-size"] });
    console.log(`Comparing ${from} with ${to}:\n${formatChecks(checks)}`);
    console.log(ok ? "Every table matches." : "MISMATCH: the databases differ (see above).");
    process.exitCode = ok ? 0 : 1;
  } else {
    console.log(`Copying ${from} into ${to}`);
    const report = await copyDatabase({
      from: args.from,
      to: args.to,
      replace: args.replace,
      batchSize: args["batch-size"],
      progress: (line) => console.log(`  ${line}`),
    });
    if (report.identities.length > 0)
      console.log(`Identities moved past the highest value: ${report.identities.join(", ")}`);
    console.log(formatChecks(report.checks));
    if (report.ok) {
      console.log(`Copied: every table's count and hash match. ${to} is ready.`);
      const secondFactors = report.checks.find((c) => c.name === "user_second_factors")?.target.rows ?? 0;
      if (secondFactors > 0) console.log(SECOND_FACTOR_NOTE);
    } else console.error(`MISMATCH: nothing was committed; ${to} is as it was before.`);
    process.exitCode = report.ok ? 0 : 1;
  }
} catch (error) {
  if (error instanceof TargetNotEmptyError) console.error(error.message);
  else console.error(`db:copy failed, nothing was committed to ${to}: ${(error as Error).message}`);
  process.exitCode = 1;
}

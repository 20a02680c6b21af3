import { databasePath } from "@/db/client";
import { prepareDatabase } from "./prepare-database";

export async function startServer(): Promise<void> {
  const { report } = prepareDatabase();
  const added = Object.entries(report?.inserted ?? {}).filter(([, n]) => n > 0);
  console.log(`[chancery] database ${databasePath()} ready${added.length ? ` (seeded ${added.map(([t, n]) => `${n} ${t}`).join(", ")})` : ""}`);
}

import { closeDb, databasePath } from "@/db/client";
import { prepareDatabase } from "@/db/setup/prepare-database";

const { report } = await prepareDatabase();
const inserted = Object.entries(report?.inserted ?? {}).filter(([, n]) => n > 0);
console.log(
  inserted.length
    ? `Seeded ${databasePath()}: ${inserted.map(([t, n]) => `${n} ${t}`).join(", ")}`
    : `Seeded ${databasePath()}: nothing was missing`,
);
closeDb();

import { closeDb, databaseLabel } from "@/db/client";
import { prepareDatabase } from "@/db/setup/prepare-database";

const { report } = await prepareDatabase();
const inserted = Object.entries(report?.inserted ?? {}).filter(([, n]) => n > 0);
console.log(
  inserted.length
    ? `Seeded ${databaseLabel()}: ${inserted.map(([t, n]) => `${n} ${t}`).join(", ")}`
    : `Seeded ${databaseLabel()}: nothing was missing`,
);
closeDb();

/**
 * `npm run check:quotes`: the curated fact base's rules (db/seed/check-seed-data.ts), checked
 * against the shipped articles without a database. Exit code 1 when anything is wrong.
 */
import fs from "node:fs";
import path from "node:path";
import { checkSeedData } from "@/db/seed/check-seed-data";
import { seedData } from "@/db/seed/data";
import { seedSourcesDir } from "@/db/seed/seed";

const problems = checkSeedData(seedData, (fileName) => fs.readFileSync(path.join(seedSourcesDir(), fileName), "utf8"));
const d = seedData;
console.log(
  `${d.sources.length} sources, ${d.meetings.length} meetings, ${d.people.length} people, ` +
    `${d.roles.length} roles, ${d.participations.length} participations, ${d.facts.length} facts`,
);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("All quotes verbatim; fact texts clean.");

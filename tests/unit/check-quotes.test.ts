import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSeedData } from "@/db/seed/check-seed-data";
import { seedData } from "@/db/seed/data";
import { seedSourcesDir } from "@/db/seed/seed";

const article = (fileName: string) => fs.readFileSync(path.join(seedSourcesDir(), fileName), "utf8");

describe("the quote checker", () => {
  it("reports a quote that is not verbatim, and a text in mixed alphabets", () => {
    const [first, ...rest] = seedData.facts;
    const broken = {
      ...seedData,
      facts: [{ ...first, quote: `${first.quote} (paraphrased)`, text: "Тokayev met" }, ...rest],
    };
    const problems = checkSeedData(broken, article);
    expect(problems.some((p) => p.startsWith(`${first.id}: quote not found verbatim`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${first.id}: mixed alphabets`))).toBe(true);
  });

  it("runs as npm run check:quotes and passes on the shipped fact base", () => {
    const run = spawnSync("npm", ["run", "--silent", "check:quotes"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/All quotes verbatim; fact texts clean\./);
  });
});

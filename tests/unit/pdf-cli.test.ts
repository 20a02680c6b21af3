import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, type TestDb } from "../helpers/db";
import { allPageTexts, pdfInfo } from "../helpers/pdf-tools";

const TSX = path.resolve("node_modules/.bin/tsx");

describe("npm run briefing", () => {
  let testDb: TestDb;
  let outDir: string;

  beforeAll(async () => {
    testDb = await createSeededDb();
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-cli-"));
  });
  afterAll(() => {
    testDb.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(TSX, ["--import", "./scripts/server-only/register.mjs", "scripts/briefing.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: testDb.file },
      timeout: 60_000,
    });

  it("writes a valid PDF of a country's facts, limited to the topics asked for", () => {
    const out = path.join(outDir, "kz.pdf");
    const result = run("--country", "Kazakhstan", "--topics", "trade-investment,energy-raw-materials", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const info = pdfInfo(out);
    expect(info.get("Title")).toMatch(/^Kazakhstan/);
    expect(Number(info.get("Pages"))).toBeGreaterThanOrEqual(3);
    const text = allPageTexts(out).join("\n");
    expect(text).toContain("Trade and investment");
    expect(text).not.toContain("Health and Covid-19");
  }, 60_000);

  it("prints a saved briefing by id, as its owner sees it", async () => {
    const owner = await makeActor(testDb.db);
    const input = newBriefingSchema.parse({ country: "KZ", topics: ["transport-connectivity"] });
    const id = await createBriefing({ actor: owner, input, db: testDb.db });
    const out = path.join(outDir, "saved.pdf");
    const result = run("--briefing", id, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(pdfInfo(out).get("Author")).toBe(owner.name);
    const text = allPageTexts(out).join("\n");
    expect(text).toContain("Transport and connectivity");
    expect(text).not.toContain("Trade and investment\n");
  }, 60_000);

  it("exits 1 with a message for an unknown briefing id", () => {
    const result = run("--briefing", "no-such-briefing", "--out", path.join(outDir, "none.pdf"));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("No briefing with id no-such-briefing");
  }, 60_000);

  it("exits 2 and lists the valid countries for an unknown one", () => {
    const result = run("--country", "Narnia", "--out", path.join(outDir, "x.pdf"));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown country "Narnia"');
    for (const name of ["Kazakhstan", "Uzbekistan", "Tajikistan"]) expect(result.stderr).toContain(name);
    expect(fs.existsSync(path.join(outDir, "x.pdf"))).toBe(false);
  }, 60_000);

  it("exits 2 and lists the valid topics for an unknown one", () => {
    const result = run(
      "--country",
      "Kazakhstan",
      "--topics",
      "trade-investment,fishing",
      "--out",
      path.join(outDir, "y.pdf"),
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"fishing"');
    expect(result.stderr).toContain("trade-investment");
  }, 60_000);

  it("exits 2 for a malformed date", () => {
    const result = run("--country", "Kazakhstan", "--from", "2024-13-01", "--out", path.join(outDir, "z.pdf"));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--from must be a date");
  }, 60_000);
});

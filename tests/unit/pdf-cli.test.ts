import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededDb, type TestDb } from "../helpers/db";
import { allPageTexts, pdfInfo } from "../helpers/pdf-tools";

const TSX = path.resolve("node_modules/.bin/tsx");

describe("npm run briefing", () => {
  let testDb: TestDb;
  let outDir: string;

  beforeAll(() => {
    testDb = createSeededDb();
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-cli-"));
  });
  afterAll(() => {
    testDb.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(TSX, ["scripts/briefing.ts", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: testDb.file }, timeout: 60_000 });

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

  it("exits 2 and lists the valid countries for an unknown one", () => {
    const result = run("--country", "Narnia", "--out", path.join(outDir, "x.pdf"));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown country "Narnia"');
    for (const name of ["Kazakhstan", "Uzbekistan", "Tajikistan"]) expect(result.stderr).toContain(name);
    expect(fs.existsSync(path.join(outDir, "x.pdf"))).toBe(false);
  }, 60_000);

  it("exits 2 and lists the valid topics for an unknown one", () => {
    const result = run("--country", "Kazakhstan", "--topics", "trade-investment,fishing", "--out", path.join(outDir, "y.pdf"));
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

/**
 * The fix to @react-pdf/textkit in patches/ (applied by `npm ci`'s postinstall, patch-package):
 * it is installed, and it lays out text exactly as the library it patches. The library as
 * published is rebuilt by taking the patch back out of a copy of the installed file; both lay
 * out the same 600 random paragraphs in a process of their own (tests/helpers/textkit-compare.mjs).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const root = process.cwd();
const installed = path.join(path.dirname(require.resolve("@react-pdf/textkit/package.json")), "lib", "textkit.js");
const version = (JSON.parse(fs.readFileSync(path.join(installed, "../../package.json"), "utf8")) as { version: string })
  .version;
const patch = path.join(root, "patches", `@react-pdf+textkit+${version}.patch`);
const MARK = "Patched (Chancery, issue 18)";

let dir = "";
let published = "";
let patched = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-textkit-"));
  // git apply -R on a copy laid out as the patch names it: the published file.
  const copy = path.join(dir, "unpatch", "node_modules", "@react-pdf", "textkit", "lib", "textkit.js");
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(installed, copy);
  execFileSync("git", ["apply", "-R", patch], { cwd: path.join(dir, "unpatch") });
  // Both builds side by side, their bare imports resolving to this checkout's node_modules.
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  published = path.join(dir, "textkit-published.mjs");
  patched = path.join(dir, "textkit-patched.mjs");
  fs.copyFileSync(copy, published);
  fs.copyFileSync(installed, patched);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("is installed: the textkit react-pdf loads carries all three changes", () => {
  expect(fs.existsSync(patch), patch).toBe(true);
  expect(fs.readFileSync(installed, "utf8").split(MARK)).toHaveLength(4);
  const before = fs.readFileSync(published, "utf8");
  expect(before).not.toContain(MARK);
  expect(before).toContain("const { levels } = bidi.getEmbeddingLevels(string, direction);");
});

it("lays out every paragraph as the published textkit does: the same lines, glyphs and positions", () => {
  const compare = path.join(root, "tests/helpers/textkit-compare.mjs");
  const out = execFileSync(process.execPath, [compare, published, patched], { encoding: "utf8" });
  const result = JSON.parse(out) as { paragraphs: number; lines: number; rightToLeft: number; differs: unknown };
  expect(result.differs).toBeNull();
  expect(result.paragraphs).toBe(600);
  // Enough line breaks (the patched slice) and right-to-left paragraphs (the algorithm kept) to mean something.
  expect(result.lines).toBeGreaterThan(3_000);
  expect(result.rightToLeft).toBeGreaterThan(60);
}, 60_000);

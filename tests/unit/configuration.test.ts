import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authSettings } from "@/lib/auth/config";
import { requireClearance } from "@/lib/briefing/settings";

/**
 * .env.example and README.md's configuration table list the same variables with the same
 * defaults, and every variable the code reads is listed: the three cannot drift apart.
 */
const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

function exampleVariables(): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of read(".env.example").matchAll(/^# ([A-Z][A-Z0-9_]+)=(.*)$/gm)) out.set(match[1], match[2].trim());
  return out;
}

function readmeVariables(): Map<string, string> {
  const section = read("README.md").split("## Configuration")[1].split("\n## ")[0];
  const out = new Map<string, string>();
  for (const match of section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| ([^|]+) \|/gm)) {
    // A default in backticks is a value; words ("generated", "unset") mean no value is set.
    const value = /^`([^`]*)`/.exec(match[2].trim());
    out.set(match[1], value ? value[1] : "");
  }
  return out;
}

/** Variables the platform or the tools set, which the app only reads. */
const PLATFORM = new Set(["NODE_ENV", "NEXT_RUNTIME", "CI"]);

function variablesReadByCode(): Set<string> {
  const found = new Set<string>();
  const files = ["server.mjs", "auth.ts", "proxy.ts", "instrumentation.ts", "next.config.mjs", "playwright.config.ts"];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx|mjs)$/.test(entry.name)) files.push(rel);
    }
  };
  for (const dir of ["app", "lib", "db", "scripts"]) walk(dir);
  for (const file of files) {
    const text = read(file);
    for (const m of text.matchAll(
      /process\.env\.([A-Z][A-Z0-9_]+)|process\.env\["([A-Z][A-Z0-9_]+)"\]|\bnum\("([A-Z][A-Z0-9_]+)"/g,
    )) {
      found.add(m[1] ?? m[2] ?? m[3]);
    }
  }
  return found;
}

describe("configuration", () => {
  it("README's table and .env.example list the same variables with the same defaults", () => {
    const example = exampleVariables();
    const readme = readmeVariables();
    expect(example.size).toBeGreaterThan(10);
    expect([...readme.keys()].sort()).toEqual([...example.keys()].sort());
    for (const [name, value] of example) expect({ name, value: readme.get(name) }).toEqual({ name, value });
  });

  it("every variable the code reads is documented", () => {
    const documented = exampleVariables();
    const missing = [...variablesReadByCode()].filter((name) => !documented.has(name) && !PLATFORM.has(name));
    expect(missing).toEqual([]);
  });
});

describe("CHANCERY_REQUIRE_CLEARANCE", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is on by default and for any value but 0, false, off and no", () => {
    vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", undefined);
    expect(requireClearance()).toBe(true);
    for (const on of ["1", "true", "on", "yes", ""]) {
      vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", on);
      expect({ on, required: requireClearance() }).toEqual({ on, required: true });
    }
    for (const off of ["0", "false", "off", "no", " OFF ", "False"]) {
      vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", off);
      expect({ off, required: requireClearance() }).toEqual({ off, required: false });
    }
  });
});

describe("CHANCERY_REQUIRE_2FA", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("names no role by default; otherwise a comma-separated list of admin, staff and clearer", () => {
    vi.stubEnv("CHANCERY_REQUIRE_2FA", undefined);
    expect([...authSettings.secondFactorRoles().roles]).toEqual([]);
    vi.stubEnv("CHANCERY_REQUIRE_2FA", "");
    expect([...authSettings.secondFactorRoles().roles]).toEqual([]);
    vi.stubEnv("CHANCERY_REQUIRE_2FA", "admin,clearer");
    expect([...authSettings.secondFactorRoles().roles].sort()).toEqual(["admin", "clearer"]);
    vi.stubEnv("CHANCERY_REQUIRE_2FA", "Admin, boss");
    expect(authSettings.secondFactorRoles()).toEqual({ roles: new Set(["admin"]), unknown: ["boss"] });
  });
});

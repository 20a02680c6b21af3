import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, openDatabase } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";
import { ensureAuthSecret } from "@/lib/auth/secret";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

// The usual umask (022) would leave a file created 0644 world-readable; pin it so the test
// does not pass by luck under a stricter one.
let umask: number;
let dir: string;
beforeEach(() => {
  umask = process.umask(0o022);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-modes-"));
});
afterEach(() => {
  process.umask(umask);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("database files", () => {
  // SQLite only (these two): the app creates SQLite's files. PostgreSQL's files are the
  // server's, which initdb keeps private (0700 data directory); a process on PostgreSQL opens no
  // SQLite file at all (openDatabase refuses it).
  it.runIf(ENGINE === "sqlite")("are created 0600 (with their -wal and -shm) in a folder created 0700", async () => {
    const file = path.join(dir, "data", "chancery.db");
    const db = openDatabase(file);
    await migrateDatabase(db); // writes, so the -wal and -shm files exist
    try {
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect(fs.existsSync(`${file}-shm`)).toBe(true);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f).toString(8), f).toBe("600");
      expect(modeOf(path.dirname(file)).toString(8)).toBe("700");
    } finally {
      closeDatabase(db);
    }
  });

  it.runIf(ENGINE === "sqlite")("keep the mode an operator gave an existing file", () => {
    const file = path.join(dir, "shared.db");
    fs.writeFileSync(file, "", { mode: 0o640 });
    closeDatabase(openDatabase(file));
    expect(modeOf(file).toString(8)).toBe("640");
  });

  it("share data/ with the generated auth secret, which creates it 0700 too", () => {
    const saved = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {}); // the "generated one" warning
    try {
      if (ENGINE === "postgres") {
        // On PostgreSQL none is generated: every instance must share AUTH_SECRET, so without it
        // start-up stops, writing nothing (postgres-setup.test.ts tests the refusal itself).
        expect(() => ensureAuthSecret(path.join(dir, "data"))).toThrow(/AUTH_SECRET must be set/);
        expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
        return;
      }
      ensureAuthSecret(path.join(dir, "data"));
      expect(modeOf(path.join(dir, "data")).toString(8)).toBe("700");
      expect(modeOf(path.join(dir, "data", "auth-secret")).toString(8)).toBe("600");
    } finally {
      warn.mockRestore();
      if (saved === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = saved;
    }
  });
});

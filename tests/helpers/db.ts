import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed/seed";

export interface TestDb {
  db: DB;
  file: string;
  close(): void;
}

/** A real SQLite file in a fresh temporary folder, migrated; removed on close(). */
export function createMigratedDb(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    close() {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** As createMigratedDb, with the shipped fact base seeded. */
export function createSeededDb(): TestDb {
  const t = createMigratedDb();
  seedDatabase(t.db);
  return t;
}

import { spawnSync } from "node:child_process";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeUserRole } from "@/db/queries/users/change-user-role";
import { createUser } from "@/db/queries/users/create-user";
import { findSessionUser } from "@/db/queries/users/find-session-user";
import { DEMO_ACCOUNTS, ensureDemoUsers } from "@/db/setup/demo-users";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { roleLabels } from "@/lib/model/users";
import { changeRoleSchema, newUserSchema, parseRoleList } from "@/lib/validation/user";
import { makeActor } from "../helpers/actors";
import { createMigratedDb, read, type TestDb } from "../helpers/db";

let t: TestDb;
beforeEach(async () => {
  t = await createMigratedDb();
});
afterEach(() => t.close());

describe("the clearer role", () => {
  it("is read as a comma-separated list: at most one of staff and admin, clearer beside it", () => {
    expect(parseRoleList("staff,clearer")).toEqual({ ok: true, role: "staff", clearer: true });
    expect(parseRoleList(" Admin , CLEARER ")).toEqual({ ok: true, role: "admin", clearer: true });
    expect(parseRoleList("clearer")).toEqual({ ok: true, role: "staff", clearer: true });
    expect(parseRoleList("admin")).toEqual({ ok: true, role: "admin", clearer: false });
    expect(parseRoleList("")).toEqual({ ok: true, role: "staff", clearer: false });
    expect(parseRoleList("staff,staff")).toEqual({ ok: true, role: "staff", clearer: false });
    expect(parseRoleList("admin,staff")).toEqual({
      ok: false,
      message: "A user is staff or admin, not both; clearer may go with either.",
    });
    expect(parseRoleList("staff,boss")).toEqual({
      ok: false,
      message: "Unknown role: boss. The roles are staff, admin, clearer (comma-separated).",
    });
    expect(roleLabels({ role: "staff", clearer: true })).toEqual(["Staff", "Clearer"]);
    expect(roleLabels({ role: "admin", clearer: false })).toEqual(["Administrator"]);
  });

  it("comes from the forms as a checkbox", () => {
    expect(changeRoleSchema.parse({ userId: "u", role: "staff", clearer: "on" })).toMatchObject({ clearer: true });
    expect(changeRoleSchema.parse({ userId: "u", role: "staff" })).toMatchObject({ clearer: false });
    const input = { email: "a@b.example", name: "A", role: "staff", password: "a-long-enough-password" };
    expect(newUserSchema.parse(input).clearer).toBe(false);
    expect(newUserSchema.parse({ ...input, clearer: true }).clearer).toBe(true);
  });

  it("is changed by admins only, ends the user's sessions and is audited with the roles before and after", async () => {
    const admin = await makeActor(t.db, "admin");
    const user = await makeActor(t.db, "staff");
    const [before] = await read(t.db).select().from(s.users).where(eq(s.users.id, user.userId));
    await expect(changeUserRole({ actor: user, userId: user.userId, clearer: true, db: t.db })).rejects.toThrow(
      ForbiddenError,
    );
    const after = await changeUserRole({ actor: admin, userId: user.userId, clearer: true, db: t.db });
    expect(after).toMatchObject({ role: "staff", clearer: true, sessionVersion: before.sessionVersion + 1 });
    expect(await findSessionUser({ userId: user.userId, sessionVersion: before.sessionVersion, db: t.db })).toBe(
      undefined,
    );
    expect(
      await findSessionUser({ userId: user.userId, sessionVersion: after.sessionVersion, db: t.db }),
    ).toMatchObject({ clearer: true });
    // The same roles again change nothing: no audit row, sessions kept.
    await changeUserRole({ actor: admin, userId: user.userId, role: "staff", clearer: true, db: t.db });
    // Role and clearer at once.
    const both = await changeUserRole({ actor: admin, userId: user.userId, role: "admin", clearer: false, db: t.db });
    expect(both).toMatchObject({ role: "admin", clearer: false, sessionVersion: before.sessionVersion + 2 });
    const audit = await read(t.db)
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.entityId, user.userId), eq(s.auditLog.action, "user.role_changed")));
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        expect.objectContaining({ role: "staff", clearer: false }),
        expect.objectContaining({ role: "staff", clearer: true }),
      ],
      [
        expect.objectContaining({ role: "staff", clearer: true }),
        expect.objectContaining({ role: "admin", clearer: false }),
      ],
    ]);
  });

  it("is held by the demo clearer account, created on first start with the others", async () => {
    expect(DEMO_ACCOUNTS.map((a) => [a.email, a.role, a.clearer, a.password])).toContainEqual([
      "clearer@chancery.example",
      "staff",
      true,
      "chancery-clearer-demo",
    ]);
    expect(await ensureDemoUsers({ db: t.db })).toBe(DEMO_ACCOUNTS);
    const rows = await read(t.db).select().from(s.users);
    expect(rows.map((u) => [u.email, u.role, u.clearer, u.demoPassword]).sort()).toEqual([
      ["admin@chancery.example", "admin", false, true],
      ["clearer@chancery.example", "staff", true, true],
      ["staff@chancery.example", "staff", false, true],
    ]);
    expect(await ensureDemoUsers({ db: t.db })).toBeNull(); // only on a database without users
  });

  it("is given by npm run user:add -- --role staff,clearer; an unknown or contradictory list is refused before the password", async () => {
    const run = (role: string, email: string) =>
      spawnSync(
        path.resolve("node_modules/.bin/tsx"),
        [
          "--import",
          "./scripts/server-only/register.mjs",
          "scripts/user-add.ts",
          "--email",
          email,
          "--name",
          "Head of Unit",
          "--role",
          role,
        ],
        {
          encoding: "utf8",
          input: "a-long-enough-password\n",
          env: { ...process.env, DATABASE_URL: t.file },
          timeout: 60_000,
        },
      );
    const ok = run("staff,clearer", "head@unit.example");
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Created staff and clearer head@unit.example");
    const [row] = await read(t.db).select().from(s.users).where(eq(s.users.email, "head@unit.example"));
    expect(row).toMatchObject({ role: "staff", clearer: true });
    for (const [role, message] of [
      ["staff,chief", "role: Unknown role: chief."],
      ["admin,staff", "role: A user is staff or admin, not both"],
    ]) {
      const refused = run(role, "other@unit.example");
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(message);
      expect(refused.stderr).toContain("Usage: npm run user:add");
    }
    expect(await read(t.db).select().from(s.users).where(eq(s.users.email, "other@unit.example"))).toEqual([]);
    // createUser is the same path the admin form takes.
    const created = await createUser({
      actor: SYSTEM_ACTOR,
      input: { email: "x@unit.example", name: "X", role: "admin", clearer: true, password: "a-long-enough-password" },
      db: t.db,
    });
    expect(created).toMatchObject({ role: "admin", clearer: true });
  }, 60_000);
});

import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import * as s from "@/db/schema";
import { changeUserRole } from "@/db/queries/users/change-user-role";
import { createUser } from "@/db/queries/users/create-user";
import { findSessionUser } from "@/db/queries/users/find-session-user";
import { listUsers } from "@/db/queries/users/list-users";
import { setUserDisabled } from "@/db/queries/users/set-user-disabled";
import { setUserPassword } from "@/db/queries/users/set-user-password";
import { signOutEverywhere } from "@/db/queries/users/sign-out-everywhere";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createMigratedDb, read, type TestDb } from "../helpers/db";

let t: TestDb;
beforeEach(async () => {
  t = await createMigratedDb();
  process.env.DATABASE_URL = t.file;
});
afterEach(() => {
  closeDb();
  t.close();
});

const PASSWORD = "correct-horse-battery";
async function makeUser(
  role: "admin" | "staff",
  email = `${role}-${Math.random().toString(36).slice(2)}@test.example`,
) {
  return createUser({
    actor: SYSTEM_ACTOR,
    input: { email, name: `${role} user`, role, password: PASSWORD },
    db: t.db,
  });
}
const asActor = (u: { id: string; email: string; name: string; role: "admin" | "staff" }): Actor => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  clearer: false,
  clearanceLevel: "OFFICIAL",
  ip: "127.0.0.1",
});

describe("sessions end when they must", () => {
  it.each([
    [
      // The sign-out action (app/actions/session.ts) signs the user out everywhere.
      "sign-out",
      async (id: string) => {
        const [user] = await read(t.db).select().from(s.users).where(eq(s.users.id, id));
        await signOutEverywhere({ actor: asActor(user), db: t.db });
      },
    ],
    [
      "signing out everywhere",
      async (id: string) => {
        const [user] = await read(t.db).select().from(s.users).where(eq(s.users.id, id));
        await signOutEverywhere({ actor: asActor(user), db: t.db });
        expect(
          (await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, id))).map((a) => a.action),
        ).toContain("auth.signed_out");
      },
    ],
    [
      "a disable",
      async (id: string) => void (await setUserDisabled({ actor: SYSTEM_ACTOR, userId: id, disabled: true, db: t.db })),
    ],
    [
      "a role change",
      async (id: string) => void (await changeUserRole({ actor: SYSTEM_ACTOR, userId: id, role: "admin", db: t.db })),
    ],
    [
      "a password change",
      async (id: string) =>
        void (await setUserPassword({ actor: SYSTEM_ACTOR, userId: id, password: "another-long-password", db: t.db })),
    ],
  ])("an older token is refused after %s", async (_label, change) => {
    const user = await makeUser("staff");
    expect(await findSessionUser({ userId: user.id, sessionVersion: user.sessionVersion, db: t.db })).toBeDefined();
    await change(user.id);
    expect(await findSessionUser({ userId: user.id, sessionVersion: user.sessionVersion, db: t.db })).toBeUndefined();
  });
});

describe("user administration", () => {
  it("is refused to staff inside the data layer", async () => {
    const staff = asActor(await makeUser("staff"));
    const other = await makeUser("staff");
    await expect(listUsers({ actor: staff, db: t.db })).rejects.toThrow(ForbiddenError);
    await expect(changeUserRole({ actor: staff, userId: other.id, role: "admin", db: t.db })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(
      createUser({
        actor: staff,
        input: { email: "x@test.example", name: "X", role: "admin", password: PASSWORD },
        db: t.db,
      }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("never leaves the system without an active administrator", async () => {
    const admin = await makeUser("admin");
    await expect(
      setUserDisabled({ actor: asActor(admin), userId: admin.id, disabled: true, db: t.db }),
    ).rejects.toThrow(ValidationError);
    await expect(changeUserRole({ actor: asActor(admin), userId: admin.id, role: "staff", db: t.db })).rejects.toThrow(
      /last active administrator/,
    );
  });

  it("refuses a short password and a duplicate email", async () => {
    await expect(
      createUser({
        actor: SYSTEM_ACTOR,
        input: { email: "s@test.example", name: "S", role: "staff", password: "short" },
        db: t.db,
      }),
    ).rejects.toThrow(/12 characters/);
    await makeUser("staff", "dup@test.example");
    await expect(makeUser("staff", "DUP@test.example")).rejects.toThrow(/already exists/);
  });

  it("audits creation, role change and disabling without any password or hash", async () => {
    const admin = await makeUser("admin");
    const staff = await makeUser("staff");
    await changeUserRole({ actor: asActor(admin), userId: staff.id, role: "admin", db: t.db });
    await setUserDisabled({ actor: asActor(admin), userId: staff.id, disabled: true, db: t.db });
    const rows = await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, staff.id));
    expect(rows.map((r) => r.action)).toEqual(["user.created", "user.role_changed", "user.disabled"]);
    expect(rows[1]).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      before: { role: "staff" },
      after: { role: "admin" },
    });
    const text = JSON.stringify(await read(t.db).select().from(s.auditLog));
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain("$argon2");
  });
});

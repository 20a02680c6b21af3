import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePersonRole, listPersonRoles, savePersonRole } from "@/db/queries/people";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { ConflictError, ValidationError } from "@/lib/errors";
import { personRoleFormSchema } from "@/lib/validation/person-role";
import { createSeededDb, read, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => (t = await createSeededDb()));
afterAll(() => t.close());
const actor = SYSTEM_ACTOR;

describe("roles over time", () => {
  it("adds, edits (version-checked), and deletes a role, audited; a quote must be in its source", async () => {
    const [{ id: personId }] = await read(t.db).select().from(s.people).limit(1);
    const input = personRoleFormSchema.parse({
      personId,
      partyId: "KZ",
      title: "Ambassador",
      validFrom: "2019-01-01",
      validTo: "2020-06-30",
      attestedOnly: "",
      sourceId: "",
      quote: "",
    });
    const role = await savePersonRole({ actor, input, db: t.db });
    expect((await listPersonRoles({ actor, personId, db: t.db })).map((r) => r.id)).toContain(role.id);
    const edited = await savePersonRole({
      actor,
      input: { ...input, id: role.id, version: 1, title: "Senior ambassador" },
      db: t.db,
    });
    expect(edited.version).toBe(2);
    await expect(savePersonRole({ actor, input: { ...input, id: role.id, version: 1 }, db: t.db })).rejects.toThrow(
      ConflictError,
    );
    await expect(
      savePersonRole({ actor, input: { ...input, sourceId: "src-000", quote: "not in the article" }, db: t.db }),
    ).rejects.toThrow(ValidationError);
    await deletePersonRole({ actor, id: role.id, version: 2, db: t.db });
    expect((await listPersonRoles({ actor, personId, db: t.db })).map((r) => r.id)).not.toContain(role.id);
    const audit = await read(t.db).select().from(s.auditLog).where(eq(s.auditLog.entityId, role.id));
    expect(audit.map((a) => a.action)).toEqual(["person_role.created", "person_role.updated", "person_role.deleted"]);
  });

  it("refuses impossible or reversed dates", () => {
    const base = { personId: "p", partyId: "KZ", title: "T" };
    expect(personRoleFormSchema.safeParse({ ...base, validFrom: "2021-02-29" }).success).toBe(false);
    expect(personRoleFormSchema.safeParse({ ...base, validFrom: "2021-03-01", validTo: "2021-01-01" }).success).toBe(
      false,
    );
  });
});

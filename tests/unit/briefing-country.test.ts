import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { newBriefingSchema } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, type TestDb } from "../helpers/db";

let t: TestDb;
let staff: Actor;
beforeEach(async () => {
  t = await createSeededDb();
  staff = await makeActor(t.db);
});
afterEach(() => t.close());

const create = (country: string) =>
  createBriefing({ actor: staff, input: newBriefingSchema.parse({ country }), db: t.db });

describe("a briefing is for a country, as the form offers", () => {
  it("the schema asks for a country, and bounds the id", () => {
    const empty = newBriefingSchema.safeParse({ country: " " });
    expect(empty.error?.issues).toMatchObject([{ path: ["country"], message: "Choose a country." }]);
    const long = newBriefingSchema.safeParse({ country: "x".repeat(101) });
    expect(long.error?.issues).toMatchObject([{ path: ["country"], message: "Choose a country from the list." }]);
  });

  it("an organisation is refused with a field error on country, and nothing is created", async () => {
    const [eu] = await read(t.db).select().from(s.parties).where(eq(s.parties.id, "EU"));
    expect(eu?.kind).toBe("organisation");
    let error: unknown;
    try {
      await create("EU");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      status: 400,
      message: "European Union is an organisation; a briefing is prepared for a country.",
      fieldErrors: { country: ["Choose a country."] },
    });
    expect(await read(t.db).select().from(s.briefings)).toEqual([]);
  });

  it("a country is accepted; an unknown party is not found", async () => {
    expect(await create("KZ")).toEqual(expect.any(String));
    await expect(create("XX")).rejects.toThrow(NotFoundError);
  });
});

import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBriefing } from "@/db/queries/briefings/create-briefing";
import { deleteBriefing } from "@/db/queries/briefings/delete-briefing";
import { finaliseBriefing } from "@/db/queries/briefings/finalise-briefing";
import { proposeFacts, type Proposal } from "@/db/queries/briefings/propose-facts";
import { createFact } from "@/db/queries/facts/create-fact";
import { getFact, type FactRecord } from "@/db/queries/facts/get-fact";
import { updateFact } from "@/db/queries/facts/update-fact";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { newBriefingSchema, proposalFiltersSchema } from "@/lib/validation/briefing";
import { makeActor } from "../helpers/actors";
import { createSeededDb, read, type TestDb } from "../helpers/db";
import { inputOf } from "../helpers/fact-input";

/*
 * "New since my last briefing": proposals for a country are marked against the actor's last
 * finalised briefing on it — facts created after it "new", facts edited after it "changed" —
 * and can be filtered to those, on a real SQLite file.
 */

let t: TestDb;
let staff: Actor;
let colleague: Actor;
let admin: Actor;
let topicIds: string[];
beforeEach(async () => {
  // Finalising is the fixture here, not what is tested: no clearance step in the way.
  vi.stubEnv("CHANCERY_REQUIRE_CLEARANCE", "off");
  t = await createSeededDb();
  staff = await makeActor(t.db);
  colleague = await makeActor(t.db);
  admin = await makeActor(t.db, "admin");
  topicIds = (await read(t.db).select().from(s.topics)).map((x) => x.id);
});
afterEach(() => {
  vi.unstubAllEnvs();
  t.close();
});

const propose = (actor: Actor, opts: { only?: boolean; q?: string; countryId?: string; limit?: number } = {}) =>
  proposeFacts({
    actor,
    query: { countryId: opts.countryId ?? "KZ", topicIds, q: opts.q, onlySinceLastBriefing: opts.only },
    limit: opts.limit ?? 1000,
    db: t.db,
  });

/** Timestamps are ISO instants to the millisecond: let one pass so "after" is strictly after. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A finalised briefing of the actor's on the country (as the composer would create and finalise it). */
async function finalisedBriefing(actor: Actor, country = "KZ"): Promise<string> {
  const id = await createBriefing({ actor, input: newBriefingSchema.parse({ country }), db: t.db });
  await finaliseBriefing({ actor, briefingId: id, version: 1, db: t.db });
  await tick();
  return id;
}

/** Two of Kazakhstan's seeded facts, one to edit and one to leave alone, and an admin's new fact like the first. */
async function kazakhFacts(p: Proposal) {
  const edited = await getFact({ actor: admin, id: p.facts[0].id, db: t.db });
  const untouched = await getFact({ actor: admin, id: p.facts[1].id, db: t.db });
  return { edited, untouched };
}

async function addFactLike(f: FactRecord, text: string): Promise<FactRecord> {
  return createFact({ actor: admin, input: inputOf(f, { id: undefined, version: undefined, text }), db: t.db });
}

async function editFact(f: FactRecord, text: string): Promise<FactRecord> {
  return updateFact({ actor: admin, id: f.id, version: f.version, input: inputOf(f, { text }), db: t.db });
}

const marks = (p: Proposal) => new Map(p.facts.map((f) => [f.id, f.sinceLastBriefing]));

describe("new since my last briefing", () => {
  it("marks nothing for a user with no finalised briefing on the country, and the filter changes nothing", async () => {
    await createBriefing({ actor: staff, input: newBriefingSchema.parse({ country: "KZ" }), db: t.db }); // a draft
    const p = await propose(staff);
    expect(p.total).toBeGreaterThan(2);
    expect(p.lastBriefing).toBeNull();
    expect(p.facts.every((f) => f.sinceLastBriefing === null)).toBe(true);
    expect(p.sinceCounts).toEqual({ new: 0, changed: 0 });
    expect(p.matchingTotal).toBe(p.total);
    const filtered = await propose(staff, { only: true });
    expect(filtered.facts.map((f) => f.id)).toEqual(p.facts.map((f) => f.id));
    expect(filtered.counts).toEqual(p.counts);
  });

  it("marks a fact added after the last finalisation new, one edited after it changed, the rest not", async () => {
    const { edited, untouched } = await kazakhFacts(await propose(staff));
    const briefingId = await finalisedBriefing(staff);
    const added = await addFactLike(edited, "A fact added after the briefing was finalised.");
    await editFact(edited, `${edited.text} (Edited after the briefing was finalised.)`);

    const p = await propose(staff);
    const [row] = await read(t.db).select().from(s.briefings).where(eq(s.briefings.id, briefingId));
    expect(p.lastBriefing).toEqual({ id: briefingId, title: row.title, finalisedAt: row.finalisedAt });
    const m = marks(p);
    expect(m.get(added.id)).toBe("new");
    expect(m.get(edited.id)).toBe("changed");
    expect(m.get(untouched.id)).toBeNull();
    expect(p.sinceCounts).toEqual({ new: 1, changed: 1 });
    expect([...m.values()].filter((v) => v !== null)).toHaveLength(2);
  });

  it("filters to exactly the marked facts, with counts per topic to match, whatever the page", async () => {
    const { edited, untouched } = await kazakhFacts(await propose(staff));
    await finalisedBriefing(staff);
    const added = await addFactLike(untouched, "Another fact added after the briefing was finalised.");
    await editFact(edited, `${edited.text} (Changed since.)`);

    const all = await propose(staff);
    const only = await propose(staff, { only: true });
    const marked = all.facts.filter((f) => f.sinceLastBriefing !== null);
    expect(only.facts.map((f) => f.id)).toEqual(marked.map((f) => f.id));
    expect(only.facts.map((f) => f.id).sort()).toEqual([added.id, edited.id].sort());
    expect(only.total).toBe(2);
    const perTopic = new Map<string, number>();
    for (const f of marked) perTopic.set(f.topicId, (perTopic.get(f.topicId) ?? 0) + 1);
    expect(only.counts).toEqual(
      all.counts
        .filter((c) => perTopic.has(c.topicId))
        .map((c) => ({ topicId: c.topicId, count: perTopic.get(c.topicId) })),
    );
    expect(only.sinceCounts).toEqual(all.sinceCounts);
    expect(only.matchingTotal).toBe(all.total);
    expect(only.lastBriefing).toEqual(all.lastBriefing);
    // A page of one holds one marked fact, the pages together all of them.
    const first = await propose(staff, { only: true, limit: 1 });
    expect(first.facts).toHaveLength(1);
    expect(first.total).toBe(2);
    expect(first.facts[0].id).toBe(only.facts[0].id);
  });

  it("combines with search words: the matching marked facts only", async () => {
    const { edited } = await kazakhFacts(await propose(staff));
    await finalisedBriefing(staff);
    const added = await addFactLike(edited, "Xylophone diplomacy was added after the briefing.");
    const searched = await propose(staff, { q: "xylophone", only: true });
    expect(searched.facts.map((f) => [f.id, f.sinceLastBriefing])).toEqual([[added.id, "new"]]);
    expect(searched.total).toBe(1);
    expect((await propose(staff, { q: "xylophone" })).facts[0].sinceLastBriefing).toBe("new");
  });

  it("counts only the actor's own finalised briefing, not another user's", async () => {
    const { edited } = await kazakhFacts(await propose(staff));
    await finalisedBriefing(colleague);
    await editFact(edited, `${edited.text} (Edited after a colleague's briefing.)`);

    const mine = await propose(staff);
    expect(mine.lastBriefing).toBeNull();
    expect(mine.facts.every((f) => f.sinceLastBriefing === null)).toBe(true);
    expect((await propose(staff, { only: true })).total).toBe(mine.total);
    const theirs = await propose(colleague);
    expect(marks(theirs).get(edited.id)).toBe("changed");
  });

  it("ignores a deleted briefing, a draft and a briefing on another country, and measures from the latest", async () => {
    const { edited, untouched } = await kazakhFacts(await propose(staff));
    const earlier = await finalisedBriefing(staff);
    await editFact(untouched, `${untouched.text} (Edited between two briefings.)`);
    await tick();
    const later = await finalisedBriefing(staff);
    await editFact(edited, `${edited.text} (Edited after the later briefing.)`);

    let p = await propose(staff);
    expect(p.lastBriefing?.id).toBe(later);
    expect(marks(p).get(edited.id)).toBe("changed");
    expect(marks(p).get(untouched.id)).toBeNull();

    // A draft and another country's finalised briefing change nothing.
    await createBriefing({ actor: staff, input: newBriefingSchema.parse({ country: "KZ" }), db: t.db });
    await finalisedBriefing(staff, "UZ");
    expect((await propose(staff)).lastBriefing?.id).toBe(later);

    await deleteBriefing({ actor: staff, briefingId: later, db: t.db });
    p = await propose(staff);
    expect(p.lastBriefing?.id).toBe(earlier);
    expect(marks(p).get(untouched.id)).toBe("changed");

    await deleteBriefing({ actor: staff, briefingId: earlier, db: t.db });
    p = await propose(staff);
    expect(p.lastBriefing).toBeNull();
    expect(p.facts.every((f) => f.sinceLastBriefing === null)).toBe(true);
    expect((await propose(staff, { only: true })).total).toBe(p.total);
  });
});

describe("the filter in the address", () => {
  it("is on with since=1 (the checkbox) and off without it or with any other value", () => {
    const on = (params: Record<string, unknown>) => proposalFiltersSchema.parse({ country: "KZ", ...params }).since;
    expect(on({ since: "1" })).toBe(true);
    expect(on({ since: ["1", "1"] })).toBe(true);
    expect(on({})).toBe(false);
    expect(on({ since: "" })).toBe(false);
    expect(on({ since: "yes" })).toBe(false);
  });
});

import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { MAX_BRIEFING_FACTS } from "@/lib/briefing/settings";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { BriefingContent, NewBriefingInput } from "@/lib/validation/briefing";
import { getDb, withReadTransaction, withWriteTransaction, type Database } from "../../client";
import { briefingItems, briefings, briefingSections, parties, topics } from "../../schema";
import { recordAudit } from "../_record-audit";
import { proposeFacts } from "./propose-facts";

export interface CreateBriefingOptions {
  actor: Actor;
  input: NewBriefingInput;
  db?: Database;
}

function proposeTitle(country: string, chosen: { name: string }[], allCount: number): string {
  if (chosen.length === 0 || chosen.length === allCount) return `${country}: country briefing`;
  if (chosen.length <= 3)
    return `${country}: ${chosen
      .map((t) => t.name.toLowerCase())
      .join(", ")
      .replace(/^./, (c) => c.toUpperCase())}`;
  return `${country}: ${chosen.length} topics`;
}

/**
 * Creates a draft of the actor's from filters: every matching fact proposed and included,
 * sections in topic order. Any signed-in user may; the briefing is theirs alone. Returns its id.
 */
export async function createBriefing({ actor, input, db = getDb() }: CreateBriefingOptions): Promise<string> {
  // The proposal is read from one snapshot before the write, so the write lock is held only
  // for the inserts, not for the search.
  const { country, title, chosen, proposal } = await withReadTransaction(db, async (tx) => {
    const [country] = await tx
      .select()
      .from(parties)
      .where(and(eq(parties.id, input.country), isNull(parties.deletedAt)))
      .limit(1);
    if (!country) throw new NotFoundError("No such country.");
    // A briefing is a country briefing: the form offers countries only, and so does this.
    if (country.kind !== "country") {
      const message = `${country.name} is an organisation; a briefing is prepared for a country.`;
      throw new ValidationError(message, { country: ["Choose a country."] });
    }
    const allTopics = await tx.select().from(topics).where(isNull(topics.deletedAt)).orderBy(asc(topics.sortOrder));
    const unknown = input.topics.filter((id) => !allTopics.some((t) => t.id === id));
    if (unknown.length)
      throw new ValidationError(`Unknown topic: ${unknown.join(", ")}.`, {
        topics: [`Unknown topic: ${unknown.join(", ")}.`],
      });
    const chosen = input.topics.length ? allTopics.filter((t) => input.topics.includes(t.id)) : allTopics;
    const query = {
      countryId: country.id,
      topicIds: chosen.map((t) => t.id),
      from: input.from,
      to: input.to,
      q: input.q,
    };
    const proposal = await proposeFacts({ actor, query, limit: MAX_BRIEFING_FACTS + 1, db });
    if (proposal.facts.length > MAX_BRIEFING_FACTS) {
      throw new ValidationError(
        `${proposal.total} facts match; narrow the topics, dates or search words to at most ${MAX_BRIEFING_FACTS}.`,
      );
    }
    return { country, title: proposeTitle(country.name, chosen, allTopics.length), chosen, proposal };
  });
  const content: BriefingContent = {
    marking: "OFFICIAL",
    purpose: "",
    keyMessages: [],
    background: "",
    counterpartTitle: "",
    occasion: {
      meeting: input.occasionMeeting,
      date: input.occasionDate,
      place: input.occasionPlace,
      counterpart: input.occasionCounterpart,
      principal: input.occasionPrincipal,
    },
    filters: { topicIds: chosen.map((t) => t.id), from: input.from, to: input.to, q: input.q },
  };
  const id = randomUUID();
  await withWriteTransaction(db, async (tx) => {
    await tx.insert(briefings).values({ id, ownerId: actor.userId, countryId: country.id, title, content });
    const sectionIds = [...new Set(proposal.facts.map((f) => f.topicId))];
    if (sectionIds.length) {
      await tx
        .insert(briefingSections)
        .values(sectionIds.map((topicId, position) => ({ briefingId: id, topicId, position })));
      await tx
        .insert(briefingItems)
        .values(proposal.facts.map((f, position) => ({ briefingId: id, factId: f.id, topicId: f.topicId, position })));
    }
    await recordAudit(tx, {
      actor,
      action: "briefing.created",
      entity: "briefing",
      entityId: id,
      detail: { revision: 1 },
    });
  });
  return id;
}

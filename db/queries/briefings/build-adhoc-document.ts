import type { Actor } from "@/lib/auth/actor";
import type { BriefingDocument } from "@/lib/briefing/document";
import { MAX_BRIEFING_FACTS } from "@/lib/briefing/settings";
import { NotFoundError } from "@/lib/errors";
import type { BriefingContent } from "@/lib/validation/briefing";
import { getDb, withReadTransaction, type Database } from "../../client";
import { listTopics } from "../topics-and-parties";
import { readAndBuild, today } from "./_document";
import { loadFacts, loadParty } from "./_document-data";
import { proposeFacts } from "./propose-facts";

export interface BuildAdhocDocumentOptions {
  actor: Actor;
  countryId: string;
  topicIds?: string[];
  from?: string;
  to?: string;
  preparedBy?: string;
  /** ISO day the briefing is for (default today): what is past or forthcoming depends on it. */
  preparedOn?: string;
  db?: Database;
}

/**
 * A briefing of every matching fact, not saved anywhere: the command line's `--country`.
 * It reads only the fact base, which every signed-in user (and the command line) may read.
 */
export async function buildAdhocDocument({
  actor,
  countryId,
  topicIds,
  from,
  to,
  preparedBy = "Chancery command line",
  preparedOn = today(),
  db = getDb(),
}: BuildAdhocDocumentOptions): Promise<BriefingDocument> {
  return withReadTransaction(db, async (tx) => {
    const country = await loadParty(tx, countryId);
    if (!country) throw new NotFoundError(`No such country: ${countryId}.`);
    const topics = await listTopics({ db });
    const chosen = topicIds?.length ? topics.filter((t) => topicIds.includes(t.id)) : topics;
    const proposal = await proposeFacts({
      actor,
      query: { countryId: country.id, topicIds: chosen.map((t) => t.id), from, to },
      limit: MAX_BRIEFING_FACTS * 10,
      db,
    });
    // The proposal holds only facts the actor may see; read them at the same level.
    const facts = await loadFacts(
      tx,
      proposal.facts.map((f) => f.id),
      actor.clearanceLevel,
    );
    const content: BriefingContent = {
      marking: "OFFICIAL",
      purpose: "",
      keyMessages: [],
      background: "",
      counterpartTitle: "",
      occasion: { meeting: "", date: "", place: "", counterpart: "", principal: "" },
      filters: { topicIds: chosen.map((t) => t.id), from, to },
    };
    return readAndBuild(
      tx,
      {
        briefingId: null,
        title: `${country.name}: country briefing`,
        country: { id: country.id, name: country.name },
        status: "draft",
        revision: 1,
        preparedBy,
        preparedOn,
        content,
        sections: chosen
          .map((t) => ({
            topicId: t.id,
            title: t.name,
            items: proposal.facts
              .filter((f) => f.topicId === t.id)
              .map((f) => ({ fact: facts.get(f.id)!, note: null })),
          }))
          .filter((s) => s.items.length > 0),
      },
      actor.clearanceLevel,
    );
  });
}

import { getDb, type DB } from "../client";
import { loadCountryMeetings, loadFacts, loadParty, loadSources } from "./briefing-data";
import { getBriefingView, type BriefingView } from "./briefing-view";
import { proposeFacts } from "./proposals";
import { listTopics } from "./topics-read";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { BriefingContent } from "@/lib/validation/briefing";
import { buildDocument, type DocumentInput } from "@/lib/briefing/build-document";
import type { BriefingDocument } from "@/lib/briefing/document";
import { MAX_BRIEFING_FACTS, datedAfterYears } from "@/lib/briefing/settings";

const today = () => new Date().toISOString().slice(0, 10);

function assemble(db: DB, base: Omit<DocumentInput, "meetings" | "sources" | "datedAfterYears">): BriefingDocument {
  const facts = base.sections.flatMap((s) => s.items.map((i) => i.fact));
  const meetings = loadCountryMeetings({ countryId: base.country.id, db });
  const sourceIds = new Set([
    ...facts.map((f) => f.sourceId),
    ...meetings.flatMap((m) => m.reports.map((r) => r.sourceId)),
  ]);
  return buildDocument({
    ...base,
    meetings,
    sources: loadSources({ ids: [...sourceIds], db }),
    datedAfterYears: datedAfterYears(),
  });
}

/** The document of a briefing as its facts are now: included, live facts in the user's order. */
export function buildLiveDocument({
  view,
  preparedOn = today(),
  db = getDb(),
}: {
  view: BriefingView;
  preparedOn?: string;
  db?: DB;
}): BriefingDocument {
  return assemble(db, {
    briefingId: view.id,
    title: view.title,
    country: { id: view.countryId, name: view.countryName },
    status: view.status,
    revision: view.revision,
    preparedBy: view.ownerName,
    preparedOn,
    content: view.content,
    sections: view.sections
      .map((s) => ({
        topicId: s.topicId,
        title: s.title,
        items: s.items.flatMap((i) =>
          i.included && i.fact && !i.fact.deletedAt ? [{ fact: i.fact, note: i.note }] : [],
        ),
      }))
      .filter((s) => s.items.length > 0),
  });
}

/** One of the actor's briefings as printed: a finalised one from its frozen snapshot, a draft live. */
export function buildSavedDocument({
  actor,
  briefingId,
  db = getDb(),
}: {
  actor: Actor;
  briefingId: string;
  db?: DB;
}): BriefingDocument {
  const view = getBriefingView({ actor, briefingId, db });
  if (view.status === "final" && view.snapshot) return view.snapshot.document;
  return buildLiveDocument({ view, db });
}

/** A briefing of every matching fact, not saved anywhere: the command line's `--country`. */
export function buildAdhocDocument(opts: {
  countryId: string;
  topicIds?: string[];
  from?: string;
  to?: string;
  preparedBy?: string;
  /** ISO day the briefing is for (default today): what is past or forthcoming depends on it. */
  preparedOn?: string;
  db?: DB;
}): BriefingDocument {
  const db = opts.db ?? getDb();
  const country = loadParty({ id: opts.countryId, db });
  if (!country) throw new NotFoundError(`No such country: ${opts.countryId}.`);
  const topics = listTopics({ db });
  const chosen = opts.topicIds?.length ? topics.filter((t) => opts.topicIds!.includes(t.id)) : topics;
  const proposal = proposeFacts({
    actor: SYSTEM_ACTOR,
    query: { countryId: country.id, topicIds: chosen.map((t) => t.id), from: opts.from, to: opts.to },
    limit: MAX_BRIEFING_FACTS * 10,
    db,
  });
  const facts = loadFacts({ ids: proposal.facts.map((f) => f.id), db });
  const content: BriefingContent = {
    marking: "OFFICIAL",
    purpose: "",
    keyMessages: [],
    background: "",
    occasion: { meeting: "", date: "", place: "", counterpart: "", principal: "" },
    filters: { topicIds: chosen.map((t) => t.id), from: opts.from, to: opts.to },
  };
  return assemble(db, {
    briefingId: null,
    title: `${country.name}: country briefing`,
    country: { id: country.id, name: country.name },
    status: "draft",
    revision: 1,
    preparedBy: opts.preparedBy ?? "Chancery command line",
    preparedOn: opts.preparedOn ?? today(),
    content,
    sections: chosen
      .map((t) => ({
        topicId: t.id,
        title: t.name,
        items: proposal.facts.filter((f) => f.topicId === t.id).map((f) => ({ fact: facts.get(f.id)!, note: null })),
      }))
      .filter((s) => s.items.length > 0),
  });
}

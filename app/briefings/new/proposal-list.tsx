import Link from "next/link";
import type { Proposal } from "@/db/queries/briefings/propose-facts";
import type { Topic } from "@/db/schema";
import { FactMeta } from "@/app/components/fact-meta";
import { MatchedFactText } from "@/app/components/search-match";
import { SinceBadge, SinceLastBriefingNote } from "./since-last-briefing";

/**
 * The proposed facts, grouped by topic with counts, a page at a time: best match first with
 * the searched words marked when words were given, else newest first. When the user has a
 * finalised briefing on the country, facts added or edited since are badged "New" or
 * "Changed", and `onlySince` (the filter is on) lists only those.
 */
export function ProposalList({
  proposal,
  topics,
  page,
  pageSize,
  params,
  countryName,
  onlySince,
}: {
  proposal: Proposal;
  topics: Topic[];
  page: number;
  pageSize: number;
  params: Record<string, string | string[] | undefined>;
  countryName: string;
  onlySince: boolean;
}) {
  const filtered = onlySince && proposal.lastBriefing !== null;
  const names = new Map(topics.map((t) => [t.id, t.name]));
  const pages = Math.max(1, Math.ceil(proposal.total / pageSize));
  const link = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params))
      if (k !== "page" && v !== undefined) (Array.isArray(v) ? v : [v]).forEach((x) => q.append(k, x));
    q.set("page", String(p));
    return `/briefings/new?${q}`;
  };
  const groups = [...new Set(proposal.facts.map((f) => f.topicId))];
  return (
    <section aria-labelledby="proposal-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="proposal-heading" className="text-lg font-semibold text-ink">
          {proposal.total} {filtered ? "new or changed" : "matching"} {proposal.total === 1 ? "fact" : "facts"} about{" "}
          {countryName}
        </h2>
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Facts per topic">
          {proposal.counts.map((c) => (
            <li key={c.topicId} className="rounded-full bg-slate-200 px-2 py-0.5">
              {names.get(c.topicId)}: {c.count}
            </li>
          ))}
        </ul>
      </div>
      {proposal.lastBriefing && (
        <SinceLastBriefingNote
          lastBriefing={proposal.lastBriefing}
          counts={proposal.sinceCounts}
          filtered={filtered}
          matchingTotal={proposal.matchingTotal}
        />
      )}
      {proposal.total === 0 && filtered && (
        <p className="card p-6 text-slate-700">
          Nothing matching was added or changed since your last briefing. Untick “Only new or changed since my last
          briefing” to see every matching fact.
        </p>
      )}
      {proposal.total === 0 && !filtered && (
        <p className="card p-6 text-slate-700">
          No facts match. Widen the dates, tick more topics or remove search words — or create the briefing anyway and
          write it yourself.
        </p>
      )}
      {groups.map((topicId) => (
        <div key={topicId} className="card p-4">
          <h3 className="font-semibold text-ink">{names.get(topicId)}</h3>
          <ul className="mt-2 divide-y divide-slate-100">
            {proposal.facts
              .filter((f) => f.topicId === topicId)
              .map((f) => (
                <li
                  key={f.id}
                  className="py-2"
                  data-testid="proposed-fact"
                  data-fact-id={f.id}
                  data-since={f.sinceLastBriefing ?? undefined}
                >
                  <p className="text-sm text-slate-900">
                    {f.sinceLastBriefing && <SinceBadge since={f.sinceLastBriefing} />}
                    <MatchedFactText text={f.text} matched={f.matched} />
                  </p>
                  <FactMeta date={f} meeting={f.meetingName} source={f.sourceLabel} handling={f} />
                </li>
              ))}
          </ul>
        </div>
      ))}
      {pages > 1 && (
        <nav aria-label="Pages of proposed facts" className="flex items-center gap-3 text-sm">
          {page > 1 && (
            <Link className="btn-secondary" href={link(page - 1)}>
              Previous page
            </Link>
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link className="btn-secondary" href={link(page + 1)}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

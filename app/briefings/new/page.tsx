import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { proposeFacts } from "@/db/queries/briefings/propose-facts";
import { listParties, listTopics } from "@/db/queries/topics-and-parties";
import { requirePageActor } from "@/app/_request/session";
import { proposalFiltersSchema } from "@/lib/validation/briefing";
import { CreateBriefingForm } from "./create-briefing-form";
import { FilterForm } from "./filter-form";
import { ProposalList } from "./proposal-list";

export const metadata: Metadata = { title: "New briefing" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 25;

export default async function NewBriefingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/briefings/new");
  const params = await searchParams;
  const countries = (await listParties()).filter((p) => p.kind === "country");
  const topics = await listTopics();
  const parsed = params.country ? proposalFiltersSchema.safeParse(params) : null;
  const filters = parsed?.success ? parsed.data : null;
  const country = filters ? countries.find((c) => c.id === filters.country) : undefined;
  if (filters && !country) notFound();
  const topicIds = filters?.topics.length
    ? topics.filter((t) => filters.topics.includes(t.id)).map((t) => t.id)
    : topics.map((t) => t.id);
  const proposal =
    filters && country
      ? await proposeFacts({
          actor,
          query: {
            countryId: country.id,
            topicIds,
            from: filters.from,
            to: filters.to,
            q: filters.q,
            onlySinceLastBriefing: filters.since,
          },
          limit: PAGE_SIZE,
          offset: (filters.page - 1) * PAGE_SIZE,
        })
      : null;
  const errors = parsed && !parsed.success ? parsed.error.issues.map((i) => i.message) : [];

  return (
    <div className="space-y-8">
      <div>
        <h1 className="page-title">New briefing</h1>
        <p className="mt-1 text-sm text-slate-600">
          Choose a country and what to cover; Chancery proposes the matching facts. You arrange them next.
        </p>
      </div>
      <FilterForm
        countries={countries.map((c) => ({ id: c.id, name: c.name }))}
        topics={topics.map((t) => ({ id: t.id, name: t.name }))}
        values={{
          country: filters?.country ?? (typeof params.country === "string" ? params.country : ""),
          topics: filters?.topics ?? [],
          from: filters?.from ?? "",
          to: filters?.to ?? "",
          q: filters?.q ?? "",
          since: filters?.since ?? false,
        }}
        lastBriefing={proposal?.lastBriefing ?? null}
        errors={errors}
      />
      {proposal && country && filters && (
        <>
          <ProposalList
            proposal={proposal}
            topics={topics}
            page={filters.page}
            pageSize={PAGE_SIZE}
            params={params}
            countryName={country.name}
            onlySince={filters.since}
          />
          <CreateBriefingForm
            filters={{
              country: country.id,
              topics: filters.topics.join(","),
              from: filters.from ?? "",
              to: filters.to ?? "",
              q: filters.q ?? "",
            }}
            total={proposal.matchingTotal}
            countryName={country.name}
          />
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getFactFormOptions } from "@/db/queries/facts/get-fact-form-options";
import { listFacts } from "@/db/queries/facts/list-facts";
import { formatDateSpan } from "@/lib/dates/date-span";
import { requirePageActor } from "@/app/_request/session";
import { factFiltersSchema, filtersToQuery, type FactFilters, type FactSort } from "@/lib/validation/fact-filters";
import { MatchedFactText } from "@/app/components/search-match";
import { HandlingBadges } from "@/app/components/handling-badges";
import { Pager } from "../components/pager";
import { FactFiltersForm } from "./fact-filters-form";

export const metadata: Metadata = { title: "Facts" };
export const dynamic = "force-dynamic";

const COLUMNS: { sort?: FactSort; label: string }[] = [
  { sort: "id", label: "Id" },
  { sort: "kind", label: "Kind" },
  { label: "Text" },
  { label: "Handling" },
  { sort: "date", label: "Date" },
  { label: "Parties" },
  { sort: "source", label: "Source" },
  { sort: "updated", label: "Updated" },
];

function SortHeader({ col, filters }: { col: (typeof COLUMNS)[number]; filters: FactFilters }) {
  if (!col.sort)
    return (
      <th scope="col" className="px-3 py-3">
        {col.label}
      </th>
    );
  const active = filters.sort === col.sort;
  const dir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      className="px-3 py-3"
      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link
        href={`/admin/facts${filtersToQuery({ ...filters, sort: col.sort, dir, page: 1 })}`}
        className="hover:underline"
      >
        {col.label}
        {active ? (filters.dir === "asc" ? " ▲" : " ▼") : ""}
        <span className="sr-only">, sort {dir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export default async function FactsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/admin/facts", { admin: true });
  const filters = factFiltersSchema.parse(await searchParams);
  const result = await listFacts({ actor, filters });
  const options = await getFactFormOptions({ actor });
  const first = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="page-title">Facts</h1>
          <p className="mt-1 text-sm text-slate-600">
            The curated fact base. Filters are kept in the address, so a filtered list can be bookmarked.
          </p>
        </div>
        <div className="flex gap-2">
          <Link href="/admin/facts/trash" className="btn-secondary">
            Trash
          </Link>
          <Link href="/admin/facts/new" className="btn-primary">
            New fact
          </Link>
        </div>
      </div>
      <FactFiltersForm filters={filters} options={options} />
      <p className="text-sm text-slate-700" role="status" data-testid="fact-count">
        {result.total === 0 ? "No facts match." : `Showing ${first}–${last} of ${result.total} facts`}
        {result.total > 0 && filters.q && filters.sort === "relevance" ? ", best matches first" : ""}
      </p>
      <section aria-labelledby="facts-heading" className="card overflow-x-auto">
        <h2 id="facts-heading" className="sr-only">
          Matching facts
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader key={c.label} col={c} filters={filters} />
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((f) => (
              <tr key={f.id} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={`/admin/facts/${encodeURIComponent(f.id)}`} className="text-accent hover:underline">
                    {f.id}
                  </Link>
                </td>
                <td className="px-3 py-2">{f.kind}</td>
                <td className="px-3 py-2 min-w-64">
                  <MatchedFactText text={f.text} matched={f.matched} />
                </td>
                <td className="px-3 py-2">
                  <HandlingBadges handling={f.handling} marking={f.marking} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {formatDateSpan({
                    start: f.dateStart,
                    end: f.dateEnd,
                    precision: f.datePrecision,
                    inferred: f.dateInferred,
                  })}
                </td>
                <td className="px-3 py-2">{f.partyIds.join(", ")}</td>
                <td className="px-3 py-2">{f.sourceTitle ?? f.sourceId}</td>
                <td className="px-3 py-2 whitespace-nowrap">{f.updatedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Pager
        page={result.page}
        pageCount={result.pageCount}
        href={(page) => `/admin/facts${filtersToQuery({ ...filters, page })}`}
      />
    </div>
  );
}

import Link from "next/link";
import { FACT_KINDS } from "@/lib/model/facts";
import type { FactFormOptions } from "@/db/queries/facts/get-fact-form-options";
import { defaultSort, type FactFilters } from "@/lib/validation/fact-filters";

/** A plain GET form: submitting it puts the filters in the address (bookmarkable, no script needed). */
export function FactFiltersForm({ filters, options }: { filters: FactFilters; options: FactFormOptions }) {
  const select = (name: keyof FactFilters, label: string, items: { id: string; name: string }[]) => (
    <div>
      <label htmlFor={`filter-${name}`} className="field-label">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={String(filters[name] ?? "")} className="field-input">
        <option value="">Any</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      action="/admin/facts"
      role="search"
      aria-label="Filter facts"
      className="card grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="sm:col-span-2">
        <label htmlFor="filter-q" className="field-label">
          Words
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} className="field-input" />
      </div>
      {select("country", "Party", options.parties)}
      {select("topic", "Topic", options.topics)}
      {select(
        "source",
        "Source",
        options.sources.map((s) => ({ id: s.id, name: s.title ?? s.id })),
      )}
      {select(
        "kind",
        "Kind",
        FACT_KINDS.map((k) => ({ id: k, name: k })),
      )}
      <div>
        <label htmlFor="filter-from" className="field-label">
          From
        </label>
        <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className="field-input" />
      </div>
      <div>
        <label htmlFor="filter-to" className="field-label">
          To
        </label>
        <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className="field-input" />
      </div>
      {/* A chosen order is kept; the default is left out, so new words get relevance order. */}
      {filters.sort !== defaultSort(filters.q) && <input type="hidden" name="sort" value={filters.sort} />}
      <input type="hidden" name="dir" value={filters.dir} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="btn-primary">
          Apply filters
        </button>
        <Link href="/admin/facts" className="btn-secondary">
          Clear
        </Link>
      </div>
    </form>
  );
}

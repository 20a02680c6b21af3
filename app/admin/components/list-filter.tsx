import Link from "next/link";

/**
 * The filter box above an admin list (a GET form, so a filtered list can be bookmarked) and
 * the line that says how many rows match.
 */
export function ListFilter({
  path,
  q,
  label,
  noun,
  shown,
}: {
  path: string;
  q?: string;
  /** What the box filters by, e.g. "Filter by name or id". */
  label: string;
  /** The rows, one and many: ["party", "parties"]. */
  noun: [one: string, many: string];
  shown: { total: number; page: number; pageSize: number };
}) {
  const first = (shown.page - 1) * shown.pageSize + 1;
  const last = Math.min(shown.total, shown.page * shown.pageSize);
  return (
    <>
      <form method="get" action={path} role="search" className="card flex flex-wrap items-end gap-3 p-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="list-filter" className="field-label">
            {label}
          </label>
          <input
            id="list-filter"
            name="q"
            type="search"
            defaultValue={q ?? ""}
            maxLength={100}
            className="field-input"
          />
        </div>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
        {q ? (
          <Link href={path} className="btn-secondary">
            Clear
          </Link>
        ) : null}
      </form>
      <p className="text-sm text-slate-700" role="status" data-testid="list-count">
        {shown.total === 0
          ? q
            ? `No ${noun[1]} match “${q}”.`
            : `No ${noun[1]} yet.`
          : shown.total === 1
            ? `Showing 1 ${noun[0]}`
            : `Showing ${first}–${last} of ${shown.total} ${noun[1]}`}
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { searchSources } from "@/db/queries/sources/search-sources";
import { requirePageActor } from "@/app/_request/session";
import { listHref, listQuerySchema } from "@/lib/validation/list-query";
import { ListFilter } from "../components/list-filter";
import { Pager } from "../components/pager";

export const metadata: Metadata = { title: "Sources" };
export const dynamic = "force-dynamic";

export default async function SourcesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/admin/sources", { admin: true });
  const { q, page, done } = listQuerySchema.parse(await searchParams);
  const result = await searchSources({ actor, q, page });
  const deleted = done === "deleted";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="page-title">Sources</h1>
          <p className="mt-1 text-sm text-slate-600">
            The articles facts are taken from. Open one to read it with covered passages highlighted and make facts from
            it.
          </p>
        </div>
        <Link href="/admin/sources/new" className="btn-primary">
          Add a source
        </Link>
      </div>
      {deleted && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-2 text-sm text-green-900">
          Source deleted.
        </p>
      )}
      <ListFilter
        path="/admin/sources"
        q={q}
        label="Filter by title, publisher or id"
        noun={["source", "sources"]}
        shown={result}
      />
      <section aria-labelledby="sources-heading" className="card overflow-x-auto">
        <h2 id="sources-heading" className="sr-only">
          {q ? "Matching sources" : "All sources"}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-3">
                Title
              </th>
              <th scope="col" className="px-3 py-3">
                Publisher
              </th>
              <th scope="col" className="px-3 py-3">
                Published
              </th>
              <th scope="col" className="px-3 py-3">
                Facts
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((s) => (
              <tr key={s.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link href={`/admin/sources/${encodeURIComponent(s.id)}`} className="text-accent hover:underline">
                    {s.title ?? `(untitled) ${s.id}`}
                  </Link>
                </td>
                <td className="px-3 py-2">{s.publisher ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {s.publishedStart} ({s.publishedPrecision})
                </td>
                <td className="px-3 py-2">{s.factCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {result.pageCount > 1 ? (
        <Pager
          page={result.page}
          pageCount={result.pageCount}
          href={(p) => listHref("/admin/sources", { q, page: p })}
        />
      ) : null}
    </div>
  );
}

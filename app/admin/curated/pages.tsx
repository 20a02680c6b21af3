import Link from "next/link";
import { getCurated, listCurated, searchCurated } from "@/db/queries/curated";
import { ENTITIES, fieldString, type CuratedKind } from "@/lib/admin/entities";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { listHref, listQuerySchema } from "@/lib/validation/list-query";
import { ActionButton } from "../components/action-button";
import { ListFilter } from "../components/list-filter";
import { Pager } from "../components/pager";
import { deleteCuratedAction } from "./actions";
import { CuratedForm } from "./curated-form";

const Done = ({ text }: { text?: string }) =>
  text ? (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-2 text-sm text-green-900">
      {text}
    </p>
  ) : null;

/** The list page of a simpler curated table: filtered by id or name, a page at a time. */
export async function CuratedListPage({
  kind,
  searchParams,
}: {
  kind: CuratedKind;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const spec = ENTITIES[kind];
  const actor = await requirePageActor(spec.path, { admin: true });
  const { q, page, done } = listQuerySchema.parse(searchParams);
  const result = searchCurated({ actor, entity: kind, q, page });
  const noun = spec.title.toLowerCase();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="page-title">{spec.title}</h1>
        <Link href={`${spec.path}/new`} className="btn-primary">
          New {spec.singular}
        </Link>
      </div>
      <Done text={done === "deleted" ? "Deleted." : undefined} />
      <ListFilter path={spec.path} q={q} label="Filter by name or id" noun={[spec.singular, noun]} shown={result} />
      <section aria-labelledby="list-heading" className="card overflow-x-auto">
        <h2 id="list-heading" className="sr-only">
          {q ? `Matching ${noun}` : `All ${noun}`}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-3">
                Id
              </th>
              {spec.columns.map((c) => (
                <th key={c} scope="col" className="px-3 py-3">
                  {spec.fields.find((f) => f.name === c)?.label ?? c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link href={`${spec.path}/${encodeURIComponent(r.id)}`} className="text-accent hover:underline">
                    {r.id}
                  </Link>
                </td>
                {spec.columns.map((c) => (
                  <td key={c} className="px-3 py-2">
                    {fieldString(r[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {result.pageCount > 1 ? (
        <Pager page={result.page} pageCount={result.pageCount} href={(p) => listHref(spec.path, { q, page: p })} />
      ) : null}
    </div>
  );
}

/** The edit (or, for id "new", create) page of a simpler curated record. */
export async function CuratedEditPage({ kind, id, done }: { kind: CuratedKind; id: string; done?: string }) {
  const spec = ENTITIES[kind];
  const actor = await requirePageActor(`${spec.path}/${id}`, { admin: true });
  const isNew = id === "new";
  const row = orNotFound(() => (isNew ? undefined : getCurated({ actor, entity: kind, id })));
  const parties = spec.fields.some((f) => f.options === "parties")
    ? listCurated({ actor, entity: "party" }).map((p) => ({ id: p.id, name: fieldString(p.name) }))
    : [];
  const initial = Object.fromEntries(
    spec.fields.map((f) => [
      f.name,
      row ? fieldString(row[f.name]) : f.type === "select" && Array.isArray(f.options) ? f.options[0] : "",
    ]),
  );
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={spec.path} className="text-accent hover:underline">
          ← {spec.title}
        </Link>
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="page-title">
            {row ? `${spec.singular[0].toUpperCase()}${spec.singular.slice(1)} ${row.id}` : `New ${spec.singular}`}
          </h1>
          {row && <p className="mt-1 text-sm text-slate-600">Version {row.version}</p>}
        </div>
        {row && (
          <Link href={`/admin/history/${kind}/${encodeURIComponent(row.id)}`} className="btn-secondary">
            History
          </Link>
        )}
        {row && (
          <ActionButton
            action={deleteCuratedAction}
            fields={{ entity: kind, id: row.id, version: row.version }}
            label={`Delete ${spec.singular}`}
            className="btn-danger"
          />
        )}
      </div>
      <Done text={done === "saved" ? "Saved." : done === "restored" ? "Earlier version restored." : undefined} />
      <section className="card p-6" aria-label={spec.singular}>
        <CuratedForm
          key={row?.version ?? 0}
          kind={kind}
          id={row?.id}
          version={row?.version}
          initial={initial}
          parties={parties}
        />
      </section>
    </div>
  );
}

import Link from "next/link";
import { getReferenceRecord } from "@/db/queries/reference-data/get-reference-record";
import { listReferenceRecords } from "@/db/queries/reference-data/list-reference-records";
import { searchReferenceRecords } from "@/db/queries/reference-data/search-reference-records";
import { fieldString } from "@/lib/admin/field-string";
import { REFERENCE_DATA_SPECS } from "@/lib/admin/reference-data";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { orNotFound } from "@/app/_request/not-found";
import { requirePageActor } from "@/app/_request/session";
import { listHref, listQuerySchema } from "@/lib/validation/list-query";
import { ActionButton } from "../components/action-button";
import { ListFilter } from "../components/list-filter";
import { Pager } from "../components/pager";
import { deleteReferenceRecordAction } from "./actions";
import { ReferenceRecordForm } from "./reference-record-form";

/** A record's field as the form shows it (the spec names fields as strings). */
const shown = (record: Record<string, unknown>, field: string) => fieldString(record[field]);

const Done = ({ text }: { text?: string }) =>
  text ? (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-2 text-sm text-green-900">
      {text}
    </p>
  ) : null;

/** The list page of a kind of reference data: filtered by id or name, a page at a time. */
export async function ReferenceListPage({
  kind,
  searchParams,
}: {
  kind: ReferenceKind;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const spec = REFERENCE_DATA_SPECS[kind];
  const actor = await requirePageActor(spec.path, { admin: true });
  const { q, page, done } = listQuerySchema.parse(searchParams);
  const result = await searchReferenceRecords({ actor, kind, q, page });
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
                    {shown(r, c)}
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

/** The edit (or, for id "new", create) page of a reference record. */
export async function ReferenceEditPage({ kind, id, done }: { kind: ReferenceKind; id: string; done?: string }) {
  const spec = REFERENCE_DATA_SPECS[kind];
  const actor = await requirePageActor(`${spec.path}/${id}`, { admin: true });
  const isNew = id === "new";
  const row = isNew ? undefined : await orNotFound(() => getReferenceRecord({ actor, kind, id }));
  const parties = spec.fields.some((f) => f.options === "parties")
    ? (await listReferenceRecords({ actor, kind: "party" })).map((p) => ({ id: p.id, name: p.name }))
    : [];
  const initial = Object.fromEntries(
    spec.fields.map((f) => [
      f.name,
      row ? shown(row, f.name) : f.type === "select" && Array.isArray(f.options) ? f.options[0] : "",
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
            action={deleteReferenceRecordAction}
            fields={{ kind, id: row.id, version: row.version }}
            label={`Delete ${spec.singular}`}
            className="btn-danger"
          />
        )}
      </div>
      <Done text={done === "saved" ? "Saved." : done === "restored" ? "Earlier version restored." : undefined} />
      <section className="card p-6" aria-label={spec.singular}>
        <ReferenceRecordForm
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

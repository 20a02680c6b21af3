import { listPersonRoles } from "@/db/queries/people";
import { listReferenceRecords } from "@/db/queries/reference-data/list-reference-records";
import { listSources } from "@/db/queries/sources/list-sources";
import { requirePageActor } from "@/app/_request/session";
import { ActionButton } from "../../components/action-button";
import { deletePersonRoleAction } from "./actions";
import { RoleForm } from "./role-form";

/** The titles a person held over time, each editable, and a form to add one. */
export async function RolesSection({ personId }: { personId: string }) {
  const actor = await requirePageActor(`/admin/people/${personId}`, { admin: true });
  const roles = await listPersonRoles({ actor, personId });
  const parties = (await listReferenceRecords({ actor, kind: "party" })).map((p) => ({ id: p.id, name: p.name }));
  const sources = (await listSources({ actor })).map((s) => ({ id: s.id, name: s.title ?? s.id }));
  return (
    <section aria-labelledby="roles-heading" className="card space-y-4 p-6">
      <h2 id="roles-heading" className="text-lg font-semibold text-ink">
        Roles over time
      </h2>
      {roles.length === 0 && <p className="text-sm text-slate-600">No roles recorded.</p>}
      <ul className="space-y-3">
        {roles.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-200 p-3" data-testid="role">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="text-sm">
                <span className="font-medium">{r.title}</span> — {r.partyName ?? r.partyId}, {r.validFrom ?? "?"} to{" "}
                {r.validTo ?? "?"}
                {r.attestedOnly ? " (as attested)" : ""}
              </p>
              <ActionButton
                action={deletePersonRoleAction}
                fields={{ id: r.id, version: r.version, personId }}
                label="Delete"
                srLabel={`role ${r.title}`}
                className="btn-danger"
              />
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-accent">
                Edit<span className="sr-only"> role {r.title}</span>
              </summary>
              <div className="mt-2">
                <RoleForm
                  personId={personId}
                  parties={parties}
                  sources={sources}
                  role={{
                    id: r.id,
                    version: String(r.version),
                    title: r.title,
                    partyId: r.partyId,
                    validFrom: r.validFrom ?? "",
                    validTo: r.validTo ?? "",
                    attestedOnly: r.attestedOnly ? "true" : "",
                    sourceId: r.sourceId ?? "",
                    quote: r.quote ?? "",
                  }}
                />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <h3 className="font-medium text-ink">Add a role</h3>
      <RoleForm personId={personId} parties={parties} sources={sources} />
    </section>
  );
}

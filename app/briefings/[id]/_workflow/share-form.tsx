"use client";

import { useActionState, useId } from "react";
import { FormStatus } from "@/app/components/form-field";
import { findShareCandidatesAction, shareBriefingAction, unshareBriefingAction } from "../../workflow-actions";

const ACCESS_LABELS = { view: "can view", edit: "can edit" } as const;

/**
 * The owner finds a colleague by name or email (a search form: Enter or the Find button lists
 * the matches, each a row with its own access choice and Share button), so it works by keyboard,
 * with a screen reader and without client code.
 */
export function ShareForm({ briefingId }: { briefingId: string }) {
  const [found, find, finding] = useActionState(findShareCandidatesAction, null);
  const people = found?.ok ? (found.data?.people ?? []) : [];
  const resultsId = useId();
  return (
    <div className="space-y-3">
      <form action={find} role="search" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="briefingId" value={briefingId} />
        <div className="min-w-48 flex-1">
          <label htmlFor="share-q" className="field-label">
            Colleague’s name or email
          </label>
          <input
            id="share-q"
            name="q"
            type="search"
            className="field-input"
            autoComplete="off"
            defaultValue={found?.ok ? found.data?.q : (found?.values?.q ?? "")}
            aria-controls={resultsId}
          />
        </div>
        <button type="submit" className="btn-secondary" disabled={finding}>
          {finding ? "Finding…" : "Find"}
        </button>
      </form>
      {found && !found.ok && <FormStatus state={found} />}
      <div id={resultsId} aria-live="polite">
        {found?.ok &&
          (people.length === 0 ? (
            <p className="text-sm text-slate-600">No active colleague matches “{found.data?.q}”.</p>
          ) : (
            <ul
              className="divide-y divide-slate-100 rounded-md border border-slate-200"
              aria-label="Matching colleagues"
            >
              {people.map((p) => (
                <CandidateRow key={p.id} briefingId={briefingId} person={p} />
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}

function CandidateRow({
  briefingId,
  person,
}: {
  briefingId: string;
  person: { id: string; name: string; email: string; access: "view" | "edit" | null };
}) {
  const [state, share, sharing] = useActionState(shareBriefingAction, null);
  const selectId = `share-access-${person.id}`;
  return (
    <li className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm" data-testid="share-candidate">
      <span className="mr-auto">
        <span className="font-medium text-ink">{person.name}</span>{" "}
        <span className="text-slate-600">{person.email}</span>
        {person.access && <span className="ml-2 text-xs text-slate-500">(already {ACCESS_LABELS[person.access]})</span>}
      </span>
      <form action={share} className="flex items-center gap-2">
        <input type="hidden" name="briefingId" value={briefingId} />
        <input type="hidden" name="userId" value={person.id} />
        <label htmlFor={selectId} className="sr-only">
          Access for {person.name}
        </label>
        <select id={selectId} name="access" defaultValue={person.access ?? "view"} className="field-input mt-0 w-auto">
          <option value="view">can view</option>
          <option value="edit">can edit</option>
        </select>
        <button type="submit" className="btn-primary" disabled={sharing}>
          {sharing ? "Sharing…" : "Share"}
          <span className="sr-only"> with {person.name}</span>
        </button>
      </form>
      {state && (
        <div className="w-full">
          <FormStatus
            state={state}
            success={
              state.ok
                ? state.data?.outcome === "unchanged"
                  ? `${person.name} already had this access.`
                  : `Shared with ${person.name}.`
                : undefined
            }
          />
        </div>
      )}
    </li>
  );
}

/** A person it is shared with, for the owner: change the access, or remove it. */
export function ShareRow({
  briefingId,
  share,
}: {
  briefingId: string;
  share: { userId: string; name: string; email: string; access: "view" | "edit"; active: boolean };
}) {
  const [changed, change, changing] = useActionState(shareBriefingAction, null);
  const [removed, remove, removing] = useActionState(unshareBriefingAction, null);
  const selectId = `access-${share.userId}`;
  return (
    <li className="flex flex-wrap items-center gap-2 py-2 text-sm" data-testid="share-row">
      <span className="mr-auto">
        <span className="font-medium text-ink">{share.name}</span> <span className="text-slate-600">{share.email}</span>
        {!share.active && <span className="ml-2 text-xs text-red-700">(account disabled)</span>}
      </span>
      <form action={change} className="flex items-center gap-2">
        <input type="hidden" name="briefingId" value={briefingId} />
        <input type="hidden" name="userId" value={share.userId} />
        <label htmlFor={selectId} className="sr-only">
          Access of {share.name}
        </label>
        <select id={selectId} name="access" defaultValue={share.access} className="field-input mt-0 w-auto">
          <option value="view">can view</option>
          <option value="edit">can edit</option>
        </select>
        <button type="submit" className="btn-secondary" disabled={changing}>
          Change<span className="sr-only"> access of {share.name}</span>
        </button>
      </form>
      <form action={remove}>
        <input type="hidden" name="briefingId" value={briefingId} />
        <input type="hidden" name="userId" value={share.userId} />
        <button type="submit" className="btn-danger" disabled={removing}>
          Remove<span className="sr-only"> {share.name}</span>
        </button>
      </form>
      {(changed ?? removed) && (
        <div className="w-full">
          <FormStatus state={removed ?? changed} success={removed ? "Removed." : "Access changed."} />
        </div>
      )}
    </li>
  );
}

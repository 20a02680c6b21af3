"use client";

import { useActionState } from "react";
import { FormStatus } from "@/app/components/form-field";
import { COMMENT_MAX_CHARS } from "@/lib/model/briefings";
import {
  approveClearanceAction,
  returnClearanceAction,
  submitForClearanceAction,
  withdrawClearanceAction,
} from "../../workflow-actions";
import { useDraftState } from "./draft-state";

/** The owner submits the saved draft to one or more clearers, with an optional note. */
export function SubmitForClearanceForm({
  briefingId,
  version,
  clearers,
}: {
  briefingId: string;
  version: number;
  clearers: { id: string; name: string; email: string; clearanceLevel?: string }[];
}) {
  const [state, action, pending] = useActionState(submitForClearanceAction, null);
  const { dirty } = useDraftState();
  const failed = state && !state.ok ? state : null;
  const clearerError = failed?.fieldErrors?.clearerIds?.[0];
  const noteError = failed?.fieldErrors?.note?.[0];
  return (
    <form action={action} className="space-y-3" data-testid="submit-for-clearance">
      <input type="hidden" name="briefingId" value={briefingId} />
      <input type="hidden" name="version" value={version} />
      <fieldset
        aria-invalid={clearerError ? true : undefined}
        aria-describedby={clearerError ? "clearers-error" : undefined}
      >
        <legend className="field-label">Clearers (any one of them decides)</legend>
        <ul className="mt-1 space-y-1">
          {clearers.map((c) => (
            <li key={c.id}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`clearer:${c.id}`}
                  value="1"
                  defaultChecked={clearers.length === 1 || failed?.values?.[`clearer:${c.id}`] === "1"}
                />
                {c.name} <span className="text-slate-600">{c.email}</span>
                {c.clearanceLevel && <span className="text-xs text-slate-600">cleared to {c.clearanceLevel}</span>}
              </label>
            </li>
          ))}
        </ul>
        {clearerError && (
          <p id="clearers-error" className="field-error">
            {clearerError}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor="clearance-note" className="field-label">
          Note to the clearers (optional)
        </label>
        <textarea
          id="clearance-note"
          name="note"
          rows={2}
          maxLength={COMMENT_MAX_CHARS}
          className="field-input"
          defaultValue={failed?.values?.note ?? ""}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? "clearance-note-error" : undefined}
        />
        {noteError && (
          <p id="clearance-note-error" className="field-error">
            {noteError}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="btn-primary"
          disabled={pending || dirty}
          aria-describedby={dirty ? "submit-dirty-hint" : undefined}
        >
          {pending ? "Submitting…" : "Submit for clearance"}
        </button>
        {dirty && (
          <span id="submit-dirty-hint" className="text-sm text-slate-700">
            Save your changes first: what is submitted is the saved draft.
          </span>
        )}
      </div>
      {failed && !clearerError && !noteError && <FormStatus state={failed} />}
    </form>
  );
}

/** The owner takes a pending submission back. */
export function WithdrawButton({ briefingId }: { briefingId: string }) {
  const [state, action, pending] = useActionState(withdrawClearanceAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="briefingId" value={briefingId} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Withdrawing…" : "Withdraw"}
        <span className="sr-only"> the submission for clearance</span>
      </button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}

/** A clearer named on the pending request approves it, or returns it with a comment (required). */
export function DecisionForms({
  briefingId,
  canApprove,
  canReturn,
}: {
  briefingId: string;
  canApprove: boolean;
  canReturn: boolean;
}) {
  const [approved, approve, approving] = useActionState(approveClearanceAction, null);
  const [returned, giveBack, returning] = useActionState(returnClearanceAction, null);
  const returnFailed = returned && !returned.ok ? returned : null;
  const returnError = returnFailed?.fieldErrors?.comment?.[0];
  const approveFailed = approved && !approved.ok ? approved : null;
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="clearance-decision">
      {canApprove && (
        <form action={approve} className="space-y-2">
          <input type="hidden" name="briefingId" value={briefingId} />
          <label htmlFor="approve-comment" className="field-label">
            Comment with the approval (optional)
          </label>
          <textarea
            id="approve-comment"
            name="comment"
            rows={2}
            maxLength={COMMENT_MAX_CHARS}
            className="field-input"
            defaultValue={approveFailed?.values?.comment ?? ""}
          />
          <button type="submit" className="btn-primary" disabled={approving || returning}>
            {approving ? "Approving…" : "Approve"}
          </button>
          {approveFailed && <FormStatus state={approveFailed} />}
        </form>
      )}
      {canReturn && (
        <form action={giveBack} className="space-y-2" noValidate>
          <input type="hidden" name="briefingId" value={briefingId} />
          <label htmlFor="return-comment" className="field-label">
            What should change (required to return it)
          </label>
          <textarea
            id="return-comment"
            name="comment"
            rows={2}
            maxLength={COMMENT_MAX_CHARS}
            className="field-input"
            defaultValue={returnFailed?.values?.comment ?? ""}
            aria-invalid={returnError ? true : undefined}
            aria-describedby={returnError ? "return-comment-error" : undefined}
          />
          {returnError && (
            <p id="return-comment-error" className="field-error">
              {returnError}
            </p>
          )}
          <button type="submit" className="btn-secondary" disabled={approving || returning}>
            {returning ? "Returning…" : "Return"}
          </button>
          {returnFailed && !returnError && <FormStatus state={returnFailed} />}
        </form>
      )}
    </div>
  );
}

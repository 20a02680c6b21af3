"use client";

import { useActionState } from "react";
import { finaliseBriefingAction } from "../../actions";

export function FinaliseButton({
  briefingId,
  version,
  dirty,
  allowed,
  reason,
}: {
  briefingId: string;
  version: number;
  dirty: boolean;
  /** Whether it may be finalised as the page was read (the server checks again), and if not why. */
  allowed: boolean;
  reason: string | null;
}) {
  const [state, action, pending] = useActionState(finaliseBriefingAction, null);
  return (
    <form
      action={action}
      className="card flex flex-wrap items-center gap-4 p-4"
      onSubmit={(e) => {
        if (!confirm("Finalise this briefing? It will be frozen as it is now; later changes need a new revision."))
          e.preventDefault();
      }}
    >
      <input type="hidden" name="briefingId" value={briefingId} />
      <input type="hidden" name="version" value={version} />
      <div className="mr-auto text-sm text-slate-700">
        <p className="font-medium text-ink">Finalise</p>
        <p id="finalise-hint">
          Freezes the briefing and each fact as they are now. {dirty && "Save your changes first."}
        </p>
        {!allowed && reason && (
          <p className="mt-1 text-amber-900" data-testid="finalise-reason">
            {reason}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={dirty || pending} aria-describedby="finalise-hint">
        {pending ? "Finalising…" : "Finalise briefing"}
      </button>
      {state && !state.ok && (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

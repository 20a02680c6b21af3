"use client";

import { useActionState } from "react";
import { newRevisionAction } from "../actions";

export function NewRevisionButton({ briefingId }: { briefingId: string }) {
  const [state, action, pending] = useActionState(newRevisionAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="briefingId" value={briefingId} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Creating…" : "New revision"}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

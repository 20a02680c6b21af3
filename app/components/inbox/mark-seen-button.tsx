"use client";

import { useActionState } from "react";
import { FormStatus } from "@/app/components/form-field";
import { markInboxSeenAction } from "@/app/briefings/workflow-actions";

/** Marks the inbox seen up to when it was read: what arrived since stays new. */
export function MarkSeenButton({ readAt }: { readAt: string }) {
  const [state, action, pending] = useActionState(markInboxSeenAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="seenAt" value={readAt} />
      <button type="submit" className="btn-secondary px-3 py-1 text-xs" disabled={pending}>
        {pending ? "Marking…" : "Mark as seen"}
      </button>
      {state && <FormStatus state={state} success="Marked as seen." />}
    </form>
  );
}

"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormStatus } from "@/app/components/form-field";
import { deleteBriefingAction, duplicateBriefingAction, restoreBriefingAction } from "./actions";

export function BriefingRowActions({
  briefingId,
  title,
  deleted = false,
}: {
  briefingId: string;
  title: string;
  deleted?: boolean;
}) {
  const [dupState, duplicate, duplicating] = useActionState(duplicateBriefingAction, null);
  const [delState, remove, removing] = useActionState(deleteBriefingAction, null);
  const [resState, restore, restoring] = useActionState(restoreBriefingAction, null);
  if (deleted) {
    return (
      <form action={restore} className="flex items-center gap-2">
        <input type="hidden" name="briefingId" value={briefingId} />
        <button type="submit" className="btn-secondary" disabled={restoring}>
          Restore<span className="sr-only"> {title}</span>
        </button>
        <FormStatus state={resState} />
      </form>
    );
  }
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Link href={`/briefings/${briefingId}`} className="btn-secondary">
        Open<span className="sr-only"> {title}</span>
      </Link>
      <form action={duplicate}>
        <input type="hidden" name="briefingId" value={briefingId} />
        <button type="submit" className="btn-secondary" disabled={duplicating}>
          Duplicate<span className="sr-only"> {title}</span>
        </button>
      </form>
      <form
        action={remove}
        onSubmit={(e) => {
          if (!confirm(`Delete “${title}”? You can restore it for 30 days.`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="briefingId" value={briefingId} />
        <button type="submit" className="btn-danger" disabled={removing}>
          Delete<span className="sr-only"> {title}</span>
        </button>
      </form>
      <FormStatus state={dupState && !dupState.ok ? dupState : delState} />
    </div>
  );
}

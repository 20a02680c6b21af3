"use client";

import { useActionState } from "react";
import { FormStatus } from "@/app/components/form-field";
import { COMMENT_MAX_CHARS } from "@/lib/model/briefings";
import { addCommentAction, reopenCommentAction, resolveCommentAction } from "../../workflow-actions";

export interface AnchorOption {
  /** "" (the whole briefing), "topic:ID" or "fact:ID". */
  value: string;
  label: string;
}

/** A new comment on the briefing, a section or one fact (chosen in "On"). */
export function CommentForm({
  briefingId,
  anchors,
  idPrefix,
  defaultAnchor = "",
}: {
  briefingId: string;
  anchors: { group: string; options: AnchorOption[] }[];
  idPrefix: string;
  defaultAnchor?: string;
}) {
  const [state, action, pending] = useActionState(addCommentAction, null);
  const failed = state && !state.ok ? state : null;
  const error = failed?.fieldErrors?.body?.[0];
  const bodyId = `${idPrefix}-body`;
  return (
    <form action={action} className="space-y-2" key={state?.ok ? state.data?.id : "new"} data-testid="comment-form">
      <input type="hidden" name="briefingId" value={briefingId} />
      <div>
        <label htmlFor={`${idPrefix}-anchor`} className="field-label">
          On
        </label>
        <select
          id={`${idPrefix}-anchor`}
          name="anchor"
          className="field-input"
          defaultValue={failed?.values?.anchor ?? defaultAnchor}
        >
          {anchors.map((g) =>
            g.group ? (
              <optgroup key={g.group} label={g.group}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))
            ),
          )}
        </select>
      </div>
      <div>
        <label htmlFor={bodyId} className="field-label">
          Comment
        </label>
        <textarea
          id={bodyId}
          name="body"
          rows={3}
          maxLength={COMMENT_MAX_CHARS}
          className="field-input"
          defaultValue={failed?.values?.body ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${bodyId}-error` : undefined}
        />
        {error && (
          <p id={`${bodyId}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Adding…" : "Add comment"}
      </button>
      {failed && !error && <FormStatus state={failed} />}
      {state?.ok && <FormStatus state={state} success="Comment added." />}
    </form>
  );
}

/** A reply to a thread. */
export function ReplyForm({ briefingId, parentId, author }: { briefingId: string; parentId: string; author: string }) {
  const [state, action, pending] = useActionState(addCommentAction, null);
  const failed = state && !state.ok ? state : null;
  const error = failed?.fieldErrors?.body?.[0] ?? failed?.message;
  const bodyId = `reply-${parentId}`;
  return (
    <details className="text-sm" open={!!failed}>
      <summary className="cursor-pointer text-accent">
        Reply<span className="sr-only"> to {author}</span>
      </summary>
      <form action={action} className="mt-1 space-y-2" key={state?.ok ? state.data?.id : "reply"}>
        <input type="hidden" name="briefingId" value={briefingId} />
        <input type="hidden" name="parentId" value={parentId} />
        <label htmlFor={bodyId} className="sr-only">
          Reply to {author}
        </label>
        <textarea
          id={bodyId}
          name="body"
          rows={2}
          maxLength={COMMENT_MAX_CHARS}
          className="field-input"
          defaultValue={failed?.values?.body ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${bodyId}-error` : undefined}
        />
        {error && (
          <p id={`${bodyId}-error`} className="field-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn-secondary" disabled={pending}>
          {pending ? "Replying…" : "Send reply"}
        </button>
      </form>
    </details>
  );
}

/** Resolve or reopen a thread. */
export function ResolveButton({
  briefingId,
  commentId,
  resolved,
  author,
}: {
  briefingId: string;
  commentId: string;
  resolved: boolean;
  author: string;
}) {
  const [state, action, pending] = useActionState(resolved ? reopenCommentAction : resolveCommentAction, null);
  return (
    <form action={action} className="inline-flex flex-col">
      <input type="hidden" name="briefingId" value={briefingId} />
      <input type="hidden" name="commentId" value={commentId} />
      <button type="submit" className="btn-secondary px-2 py-1 text-xs" disabled={pending}>
        {resolved ? "Reopen" : "Resolve"}
        <span className="sr-only"> the comment by {author}</span>
      </button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}

import type { CommentList, CommentThread, CommentView } from "@/db/queries/comments/list-comments";
import { When } from "@/app/components/when";
import { CommentForm, ReplyForm, ResolveButton, type AnchorOption } from "./comment-forms";

export interface CommentAnchors {
  sections: { topicId: string; title: string; facts: { factId: string; text: string }[] }[];
}

const short = (text: string, n = 70) => (text.length > n ? `${text.slice(0, n)}…` : text);

function anchorLabel(c: CommentView): string {
  if (c.anchor.kind === "fact") return `On a fact${c.anchor.topicTitle ? ` in ${c.anchor.topicTitle}` : ""}`;
  if (c.anchor.kind === "section") return `On the section ${c.anchor.topicTitle ?? ""}`;
  return "On the whole briefing";
}

function anchorOptions(anchors: CommentAnchors): { group: string; options: AnchorOption[] }[] {
  return [
    {
      group: "",
      options: [
        { value: "", label: "The whole briefing" },
        ...anchors.sections.map((s) => ({ value: `topic:${s.topicId}`, label: `Section: ${s.title}` })),
      ],
    },
    ...anchors.sections
      .filter((s) => s.facts.length > 0)
      .map((s) => ({
        group: `Facts in ${s.title}`,
        options: s.facts.map((f) => ({ value: `fact:${f.factId}`, label: `Fact: ${short(f.text)}` })),
      })),
  ];
}

function Meta({ c }: { c: CommentView }) {
  return (
    <p className="text-xs text-slate-600">
      <span className="font-medium text-ink">{c.author.name}</span> · <When iso={c.createdAt} /> · revision {c.revision}
    </p>
  );
}

function Thread({ thread }: { thread: CommentThread }) {
  const resolved = thread.resolvedAt !== null;
  return (
    <li
      className={`space-y-2 rounded-md border p-3 ${resolved ? "border-slate-200 bg-slate-50" : "border-slate-300 bg-white"}`}
      data-testid="comment-thread"
      data-anchor={thread.anchor.kind}
    >
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{anchorLabel(thread)}</p>
      {thread.anchor.factText && (
        <blockquote className="border-l-2 border-slate-300 pl-2 text-xs text-slate-600">
          {short(thread.anchor.factText, 160)}
        </blockquote>
      )}
      <Meta c={thread} />
      <p className="whitespace-pre-wrap text-sm text-slate-900">{thread.body}</p>
      {thread.replies.length > 0 && (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-3" aria-label={`Replies to ${thread.author.name}`}>
          {thread.replies.map((r) => (
            <li key={r.id} data-testid="comment-reply">
              <Meta c={r} />
              <p className="whitespace-pre-wrap text-sm text-slate-900">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      {resolved && (
        <p className="text-xs text-slate-600">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}, <When iso={thread.resolvedAt!} />
        </p>
      )}
      {!thread.readOnly && (
        <div className="flex flex-wrap items-start gap-3">
          {thread.canReply && !resolved && (
            <div className="flex-1">
              <ReplyForm briefingId={thread.briefingId} parentId={thread.id} author={thread.author.name} />
            </div>
          )}
          {thread.canResolve && (
            <ResolveButton
              briefingId={thread.briefingId}
              commentId={thread.id}
              resolved={resolved}
              author={thread.author.name}
            />
          )}
        </div>
      )}
    </li>
  );
}

/**
 * A briefing's comments beside the composer and the preview (never in the PDF): this revision's
 * threads with replies, resolve and reopen, a form for a new one, and the earlier revisions'
 * comments as read-only history.
 */
export function CommentsPanel({
  briefingId,
  comments,
  anchors,
  idPrefix = "comment",
}: {
  briefingId: string;
  comments: CommentList;
  anchors: CommentAnchors;
  idPrefix?: string;
}) {
  const open = comments.threads.filter((t) => t.resolvedAt === null).length;
  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card space-y-4 p-4" data-testid="comments-panel">
      <h2 id={`${idPrefix}-heading`} className="text-lg font-semibold text-ink">
        Comments{" "}
        <span className="text-sm font-normal text-slate-600">
          ({open} open{comments.threads.length > open ? `, ${comments.threads.length - open} resolved` : ""})
        </span>
      </h2>
      <p className="text-xs text-slate-600">Comments are for the people working on the briefing: they never print.</p>
      {comments.threads.length === 0 ? (
        <p className="text-sm text-slate-600">No comments on this revision yet.</p>
      ) : (
        <ol className="space-y-3" aria-label="Comments on this revision">
          {comments.threads.map((t) => (
            <Thread key={t.id} thread={t} />
          ))}
        </ol>
      )}
      {comments.canComment && (
        <CommentForm briefingId={briefingId} anchors={anchorOptions(anchors)} idPrefix={idPrefix} />
      )}
      {comments.earlier.length > 0 && (
        <section aria-labelledby={`${idPrefix}-earlier-heading`} className="space-y-2">
          <h3 id={`${idPrefix}-earlier-heading`} className="font-semibold text-ink">
            Comments on earlier revisions
          </h3>
          <p className="text-xs text-slate-600">History, read-only.</p>
          <ol className="space-y-3" aria-label="Comments on earlier revisions">
            {comments.earlier.map((t) => (
              <Thread key={t.id} thread={t} />
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

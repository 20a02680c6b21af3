import Link from "next/link";
import type { Inbox } from "@/db/queries/inbox/get-inbox";
import { When } from "@/app/components/when";
import { MarkSeenButton } from "./mark-seen-button";

const ACCESS_LABELS = { view: "can view", edit: "can edit" } as const;
const SHARED_SHOWN = 8;

function Count({ n, label }: { n: number; label: string }) {
  return (
    <span
      className={`ml-2 inline-flex min-w-6 items-center justify-center rounded-full px-2 text-xs font-semibold ${n > 0 ? "bg-accent text-white" : "bg-slate-200 text-slate-700"}`}
    >
      {n}
      <span className="sr-only"> {label}</span>
    </span>
  );
}

function Section({
  id,
  title,
  count,
  countLabel,
  empty,
  children,
  action,
}: {
  id: string;
  title: string;
  count: number;
  countLabel: string;
  empty: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid={id}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="font-semibold text-ink">
          {title}
          <Count n={count} label={countLabel} />
        </h3>
        {action}
      </div>
      {count === 0 ? <p className="text-sm text-slate-600">{empty}</p> : children}
    </section>
  );
}

/** What needs the user: shared with them, awaiting their clearance, returned to them, new comments. */
export function InboxPanel({ inbox }: { inbox: Inbox }) {
  const { counts } = inbox;
  return (
    <section id="inbox" aria-labelledby="inbox-heading" className="card space-y-5 p-4" data-testid="inbox">
      <h2 id="inbox-heading" className="text-lg font-semibold text-ink">
        Inbox
        <Count n={counts.total} label={counts.total === 1 ? "item waiting" : "items waiting"} />
      </h2>
      <Section
        id="inbox-shared"
        title="Shared with me"
        count={counts.sharedWithMe}
        countLabel={`shared, ${counts.newShares} new`}
        empty="No briefings are shared with you."
      >
        <ul className="space-y-2 text-sm">
          {inbox.sharedWithMe.slice(0, SHARED_SHOWN).map((s) => (
            <li key={s.id}>
              <Link href={`/briefings/${s.id}`} className="font-medium text-accent hover:underline">
                {s.title}
              </Link>
              {s.isNew && (
                <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">New</span>
              )}
              <span className="block text-xs text-slate-600">
                {s.ownerName} · {ACCESS_LABELS[s.access]} · {s.countryName}
              </span>
            </li>
          ))}
        </ul>
        {inbox.sharedWithMe.length > SHARED_SHOWN && (
          <Link href="/briefings#shared-heading" className="text-sm text-accent hover:underline">
            All {inbox.sharedWithMe.length} shared with me
          </Link>
        )}
      </Section>
      <Section
        id="inbox-awaiting"
        title="Awaiting my clearance"
        count={counts.awaitingMyClearance}
        countLabel="awaiting"
        empty="Nothing awaits your clearance."
      >
        <ul className="space-y-2 text-sm">
          {inbox.awaitingMyClearance.map((a) => (
            <li key={a.requestId}>
              <Link href={`/briefings/${a.briefingId}`} className="font-medium text-accent hover:underline">
                {a.title}
              </Link>
              <span className="block text-xs text-slate-600">
                From {a.submittedByName}, <When iso={a.submittedAt} /> · {a.countryName}
              </span>
              {a.note && <span className="block text-xs text-slate-700">“{a.note}”</span>}
            </li>
          ))}
        </ul>
      </Section>
      <Section
        id="inbox-returned"
        title="Returned to me"
        count={counts.returnedToMe}
        countLabel="returned"
        empty="None of your drafts was returned."
      >
        <ul className="space-y-2 text-sm">
          {inbox.returnedToMe.map((r) => (
            <li key={r.briefingId}>
              <Link href={`/briefings/${r.briefingId}`} className="font-medium text-accent hover:underline">
                {r.title}
              </Link>
              <span className="block text-xs text-slate-600">
                Returned by {r.returnedByName}
                {r.returnedAt && (
                  <>
                    , <When iso={r.returnedAt} />
                  </>
                )}
              </span>
              {r.comment && <span className="block text-xs text-slate-700">“{r.comment}”</span>}
            </li>
          ))}
        </ul>
      </Section>
      <Section
        id="inbox-comments"
        title="New comments on my briefings"
        count={counts.newComments}
        countLabel="new"
        empty={inbox.seenAt ? "No new comments since you last looked." : "No comments on your briefings yet."}
        action={counts.newComments + counts.newShares > 0 ? <MarkSeenButton readAt={inbox.readAt} /> : undefined}
      >
        <ul className="space-y-2 text-sm">
          {inbox.newComments.map((c) => (
            <li key={c.commentId} data-testid="inbox-comment">
              <Link href={`/briefings/${c.briefingId}`} className="font-medium text-accent hover:underline">
                {c.briefingTitle}
              </Link>
              <span className="block text-xs text-slate-600">
                {c.authorName} {c.isReply ? "replied" : "commented"}
                {c.anchor === "fact" ? " on a fact" : c.anchor === "section" ? " on a section" : ""},{" "}
                <When iso={c.createdAt} /> · revision {c.revision}
              </span>
              <span className="block text-xs text-slate-800">“{c.excerpt}”</span>
            </li>
          ))}
        </ul>
        {counts.newComments > inbox.newComments.length && (
          <p className="text-xs text-slate-600">
            The {inbox.newComments.length} newest of {counts.newComments}.
          </p>
        )}
      </Section>
    </section>
  );
}

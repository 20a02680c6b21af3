import type { ShareView } from "@/db/queries/sharing/list-shares";
import { When } from "@/app/components/when";
import { ShareForm, ShareRow } from "./share-form";

const ACCESS_LABELS = { view: "can view", edit: "can edit" } as const;

/**
 * Who a briefing is shared with. Its owner shares it (Share), changes a colleague's access and
 * removes it; everyone else sees who shared it with whom.
 */
export function SharingPanel({
  briefingId,
  isOwner,
  shares,
}: {
  briefingId: string;
  isOwner: boolean;
  shares: ShareView[];
}) {
  return (
    <section aria-labelledby="sharing-heading" className="card space-y-3 p-4" data-testid="sharing-panel">
      <h2 id="sharing-heading" className="text-lg font-semibold text-ink">
        Sharing
      </h2>
      {isOwner ? (
        <>
          <p className="text-sm text-slate-600">
            Share this briefing with colleagues: <em>can view</em> lets them read, preview, download and comment;{" "}
            <em>can edit</em> also lets them change it (but not the sharing or the clearance).
          </p>
          <ShareForm briefingId={briefingId} />
          {shares.length === 0 ? (
            <p className="text-sm text-slate-600">Not shared with anyone: only you can see it.</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Shared with">
              {shares.map((s) => (
                <ShareRow key={s.userId} briefingId={briefingId} share={s} />
              ))}
            </ul>
          )}
        </>
      ) : shares.length === 0 ? (
        <p className="text-sm text-slate-600">Not shared with anyone else.</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="Shared with">
          {shares.map((s) => (
            <li key={s.userId} data-testid="share-row">
              <span className="font-medium text-ink">{s.name}</span> {ACCESS_LABELS[s.access]}{" "}
              <span className="text-slate-600">
                (shared by {s.sharedByName}, <When iso={s.createdAt} day />)
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

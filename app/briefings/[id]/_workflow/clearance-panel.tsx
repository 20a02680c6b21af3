import type { ClearanceStatusView } from "@/db/queries/clearance/get-clearance-status";
import type { ClearerOption } from "@/db/queries/clearance/list-clearers";
import type { BriefingOperation } from "@/lib/briefing/permissions";
import { When } from "@/app/components/when";
import { DecisionForms, SubmitForClearanceForm, WithdrawButton } from "./clearance-forms";

const names = (people: { name: string }[]) => {
  const list = people.map((p) => p.name);
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
};

/** Where the clearance stands, in one line (and the note or comment under it). */
function StatusLine({ status, final }: { status: ClearanceStatusView; final: boolean }) {
  const latest = status.latest;
  if (final)
    return status.clearance ? (
      <p>
        Cleared by <strong>{status.clearance.clearedBy}</strong>, {status.clearance.clearedOn}.
      </p>
    ) : (
      <p>Finalised without clearance.</p>
    );
  switch (status.state) {
    case "pending":
      return (
        <p>
          <strong>Awaiting clearance</strong> by {names(latest!.clearers)} since <When iso={latest!.submittedAt} />.
        </p>
      );
    case "cleared":
      return (
        <p>
          <strong>Cleared by {status.clearance?.clearedBy}</strong> on {status.clearance?.clearedOn}.
        </p>
      );
    case "voided":
      return (
        <p>
          <strong>Clearance voided by a later edit</strong>: {latest?.decidedBy?.name} approved it
          {latest?.decidedAt ? (
            <>
              {" "}
              on <When iso={latest.decidedAt} />
            </>
          ) : null}
          , then {status.voidedBecause === "document-changed" ? "facts in it were edited" : "the briefing was changed"}.
        </p>
      );
    case "returned":
      return (
        <p>
          <strong>Returned by {latest?.decidedBy?.name}</strong>
          {latest?.decidedAt ? (
            <>
              {" "}
              on <When iso={latest.decidedAt} />
            </>
          ) : null}{" "}
          with the comment: “{latest?.decisionComment}”
        </p>
      );
    case "withdrawn":
      return (
        <p>
          The submission was withdrawn
          {latest?.decidedAt ? (
            <>
              {" "}
              on <When iso={latest.decidedAt} />
            </>
          ) : null}
          : not cleared.
        </p>
      );
    default:
      return <p>Not submitted for clearance.</p>;
  }
}

/**
 * The briefing's clearance: its status line, and what the actor may do — the owner submits it
 * (Submit for clearance) or withdraws a pending submission (Withdraw); a clearer named on the
 * pending request approves it (Approve) or returns it with a comment (Return).
 */
export function ClearancePanel({
  briefingId,
  version,
  final,
  status,
  can,
  clearers,
}: {
  briefingId: string;
  version: number;
  final: boolean;
  status: ClearanceStatusView;
  can: Record<BriefingOperation, boolean>;
  /** Whom the owner may submit to (only asked for when they may submit). */
  clearers: ClearerOption[];
}) {
  const latest = status.latest;
  const submittable = !final && can.submitForClearance;
  return (
    <section aria-labelledby="clearance-heading" className="card space-y-3 p-4" data-testid="clearance-panel">
      <h2 id="clearance-heading" className="text-lg font-semibold text-ink">
        Clearance
      </h2>
      <div className="text-sm text-slate-800" data-testid="clearance-status" role="status">
        <StatusLine status={status} final={final} />
      </div>
      {status.state === "pending" && latest?.note && (
        <p className="text-sm text-slate-700">
          Note from {latest.submittedBy.name}: “{latest.note}”
        </p>
      )}
      {!final && status.required && status.state !== "cleared" && status.state !== "pending" && can.finalise && (
        <p className="text-sm text-slate-600">Only a cleared draft can be finalised.</p>
      )}
      {(can.approve || can.return) && (
        <DecisionForms briefingId={briefingId} canApprove={can.approve} canReturn={can.return} />
      )}
      {!final && can.withdrawClearance && <WithdrawButton briefingId={briefingId} />}
      {submittable &&
        (clearers.length === 0 ? (
          <p className="text-sm text-slate-700" data-testid="no-clearer">
            There is no active clearer to submit this briefing to. Ask an administrator to give a colleague the clearer
            role.
          </p>
        ) : (
          <SubmitForClearanceForm briefingId={briefingId} version={version} clearers={clearers} />
        ))}
    </section>
  );
}

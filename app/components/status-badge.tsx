/** "Draft · r1" / "Final · r2": the status and revision, labelled the same way everywhere. */
export function StatusBadge({ status, revision }: { status: "draft" | "final"; revision: number }) {
  const draft = status === "draft";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ${draft ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}
      data-testid="status-badge"
    >
      {draft ? "Draft" : "Final"} <span aria-hidden="true">·</span> <span>revision {revision}</span>
    </span>
  );
}

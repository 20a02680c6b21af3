import type { ReactNode } from "react";
import type { AuditEntry } from "@/db/schema/audit";
import { diffSnapshots } from "@/lib/admin/diff";

/** Audit entries, newest first, each with a field-by-field diff and an optional action (restore). */
export function HistoryList({
  entries,
  label,
  action,
}: {
  entries: AuditEntry[];
  label: (field: string) => string;
  action?: (entry: AuditEntry, index: number) => ReactNode;
}) {
  if (entries.length === 0)
    return <p className="text-sm text-slate-600">No recorded changes (this record is as it was seeded).</p>;
  return (
    <ol className="space-y-4">
      {entries.map((e, i) => {
        const changes = diffSnapshots(e.before, e.after);
        return (
          <li key={e.id} className="card p-4" data-testid="history-entry">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="font-medium text-ink">
                {e.action.split(".").at(-1)!.replace(/_/g, " ")}{" "}
                <span className="text-sm font-normal text-slate-600">
                  by {e.actorEmail ?? "unknown"}, {e.at.replace("T", " ").slice(0, 19)} UTC
                </span>
              </h2>
              {action?.(e, i)}
            </div>
            {changes.length > 0 && (
              <table className="mt-3 w-full table-fixed text-left text-sm">
                <thead className="text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="w-40 py-1">
                      Field
                    </th>
                    <th scope="col" className="py-1">
                      Before
                    </th>
                    <th scope="col" className="py-1">
                      After
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field} className="border-t border-slate-100 align-top">
                      <th scope="row" className="py-1 pr-2 font-medium">
                        {label(c.field)}
                      </th>
                      <td className="max-h-64 overflow-auto py-1 pr-2 break-words whitespace-pre-wrap">
                        <del className="bg-red-50 text-red-900 no-underline">{c.before}</del>
                      </td>
                      <td className="max-h-64 overflow-auto py-1 break-words whitespace-pre-wrap">
                        <ins className="bg-green-50 text-green-900 no-underline">{c.after}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}

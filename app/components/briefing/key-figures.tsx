import type { KeyFigure } from "@/lib/briefing/document";
import { keyFigureNote } from "@/lib/briefing/labels";
import { Cite } from "./topic-section";

export function KeyFiguresSection({ figures }: { figures: KeyFigure[] }) {
  if (figures.length === 0)
    return <p className="text-sm italic text-slate-500">No figures among the included facts.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="key-figures">
        <thead className="bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Figure
            </th>
            <th scope="col" className="px-3 py-2">
              Period
            </th>
            <th scope="col" className="px-3 py-2">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr
              key={`${f.metricKey}-${f.period}`}
              className="border-t border-slate-200 align-top"
              data-testid="key-figure-row"
            >
              <th scope="row" className="px-3 py-2 font-medium">
                {f.label}
              </th>
              <td className="px-3 py-2">{f.period}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-4">
                  {f.values.map((v) => (
                    <span
                      key={v.factId}
                      data-testid="key-figure-value"
                      className={v.preferred ? "font-semibold" : undefined}
                    >
                      {v.display}
                      {v.preferred ? " (preferred)" : v.deprecated ? " (deprecated)" : ""}{" "}
                      <Cite n={v.citation.number} />
                    </span>
                  ))}
                </div>
                {keyFigureNote(f) && (
                  <p className="mt-1 text-xs font-semibold text-amber-800">Note: {keyFigureNote(f)}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

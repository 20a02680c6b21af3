"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/app/components/form-field";
import { importFactBaseAction } from "./actions";

/** Reads the chosen file in the browser and sends its text; shows the per-record report. */
export function ImportForm() {
  const [state, action, pending] = useActionState(importFactBaseAction, null);
  const [text, setText] = useState("");
  const report = state?.ok ? state.data : undefined;
  const fieldError = state && !state.ok ? state.fieldErrors?.document?.[0] : undefined;
  return (
    <form action={action} className="space-y-4">
      <div>
        <label htmlFor="file" className="field-label">Fact base file (JSON)</label>
        <input id="file" type="file" accept="application/json,.json" className="field-input" aria-describedby={fieldError ? "file-error" : undefined}
          onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? "")} />
        {fieldError && <p id="file-error" className="field-error">{fieldError}</p>}
      </div>
      <input type="hidden" name="document" value={text} />
      <button type="submit" className="btn-primary" disabled={pending || !text}>{pending ? "Importing…" : "Import"}</button>
      <FormStatus state={report ? { ok: report.ok, message: report.ok ? "Imported." : "Nothing was imported: fix these records and try again." } : state} />
      {report && !report.ok && (
        <ul className="list-disc space-y-1 pl-6 text-sm text-red-800" data-testid="import-errors">
          {report.errors.map((e) => <li key={e} className="break-words">{e}</li>)}
        </ul>
      )}
      {report?.ok && (
        <table className="text-sm" data-testid="import-counts">
          <thead><tr><th scope="col" className="pr-4 text-left">Records</th><th scope="col" className="pr-4">New</th><th scope="col" className="pr-4">Changed</th><th scope="col">Unchanged</th></tr></thead>
          <tbody>
            {Object.entries(report.counts).map(([k, c]) => (
              <tr key={k}><th scope="row" className="pr-4 text-left font-normal">{k}</th><td className="pr-4 text-center">{c.inserted}</td><td className="pr-4 text-center">{c.updated}</td><td className="text-center">{c.unchanged}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}

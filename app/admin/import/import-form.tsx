"use client";

import { unstable_rethrow } from "next/navigation";
import { useActionState, useState } from "react";
import { FormStatus } from "@/app/components/form-field";
import type { ImportReport } from "@/db/queries/fact-base";
import type { ActionState } from "@/app/_request/guard";
import { IMPORT_MAX_BYTES, importTooLargeMessage } from "@/lib/validation/fact-base-import";
import { importFactBaseAction } from "./actions";

type ImportState = ActionState<ImportReport>;

/**
 * Sends the import; a request the server refuses before the action runs (413 over the size
 * limit, from proxy.ts) arrives as a thrown error, which is shown here rather than replacing
 * the page. Next's own control flow (redirects, 401/403) is rethrown.
 */
async function sendImport(prev: ImportState, formData: FormData): Promise<ImportState> {
  try {
    return await importFactBaseAction(prev, formData);
  } catch (error) {
    unstable_rethrow(error);
    return {
      ok: false,
      status: 0,
      message: error instanceof Error ? error.message : "The file could not be sent; try again.",
    };
  }
}

/** Reads the chosen file in the browser and sends its text; shows the per-record report. */
export function ImportForm() {
  const [state, action, pending] = useActionState(sendImport, null);
  const [text, setText] = useState("");
  // A file over the limit is refused here, before anything is sent.
  const [sizeError, setSizeError] = useState<string>();
  const report = state?.ok ? state.data : undefined;
  const fieldError = sizeError ?? (state && !state.ok ? state.fieldErrors?.document?.[0] : undefined);
  const choose = async (file: File | undefined) => {
    setText("");
    setSizeError(file && file.size > IMPORT_MAX_BYTES ? importTooLargeMessage(file.size) : undefined);
    if (file && file.size <= IMPORT_MAX_BYTES) setText(await file.text());
  };
  return (
    <form action={action} className="space-y-4">
      <div>
        <label htmlFor="file" className="field-label">
          Fact base file (JSON)
        </label>
        <input
          id="file"
          type="file"
          accept="application/json,.json"
          className="field-input"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "file-error" : undefined}
          onChange={(e) => choose(e.target.files?.[0])}
        />
        {fieldError && (
          <p id="file-error" className="field-error">
            {fieldError}
          </p>
        )}
      </div>
      <input type="hidden" name="document" value={text} />
      <button type="submit" className="btn-primary" disabled={pending || !text}>
        {pending ? "Importing…" : "Import"}
      </button>
      <FormStatus
        state={
          report
            ? {
                ok: report.ok,
                message: report.ok ? "Imported." : "Nothing was imported: fix these records and try again.",
              }
            : state
        }
      />
      {report && !report.ok && (
        <ul className="list-disc space-y-1 pl-6 text-sm text-red-800" data-testid="import-errors">
          {report.errors.map((e) => (
            <li key={e} className="break-words">
              {e}
            </li>
          ))}
        </ul>
      )}
      {report?.ok && (
        <table className="text-sm" data-testid="import-counts">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                Records
              </th>
              <th scope="col" className="pr-4">
                New
              </th>
              <th scope="col" className="pr-4">
                Changed
              </th>
              <th scope="col">Unchanged</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(report.counts).map(([k, c]) => (
              <tr key={k}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {k}
                </th>
                <td className="pr-4 text-center">{c.inserted}</td>
                <td className="pr-4 text-center">{c.updated}</td>
                <td className="text-center">{c.unchanged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}

"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { describeHandlingTotals, handlingTotals, minimumMarking } from "@/lib/model/handling-totals";
import { saveBriefingAction } from "../../actions";
import { ComposerFields } from "./composer-fields";
import { ComposerSections } from "./composer-sections";
import { useDraftState } from "../_workflow/draft-state";
import { FinaliseButton } from "./finalise-button";
import { MarkingNote, MarkingSelect } from "./marking-control";
import { isSaveConflict, SaveConflictPanel, type SaveConflict } from "./save-conflict";
import { printedItems, toPayload, type ComposerState } from "./types";

/**
 * Arranges a draft: text fields, sections and facts; saved explicitly, with a warning before
 * leaving unsaved. A save refused because someone else saved first shows their text beside
 * the unsaved text here, to merge. `finalise` is the owner's (null hides it for editors).
 */
export function Composer({
  briefingId,
  initial,
  finalise,
}: {
  briefingId: string;
  initial: ComposerState;
  finalise: { allowed: boolean; reason: string | null } | null;
}) {
  const [state, setState] = useState(initial);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(toPayload(initial)));
  const [saveState, save, saving] = useActionState(saveBriefingAction, null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const dirty = JSON.stringify(toPayload(state)) !== savedJson;
  const { setDirty } = useDraftState();

  useEffect(() => setDirty(dirty), [dirty, setDirty]);

  useEffect(() => {
    if (saveState && !saveState.ok && saveState.status === 409 && isSaveConflict(saveState.current)) {
      const current = saveState.current;
      // Keep the text here; the next save is made over the version the other save left.
      // eslint-disable-next-line react-hooks/set-state-in-effect -- adopt the stored version from the refused save
      setConflict(current);
      setState((s) => ({ ...s, version: current.version }));
    } else if (saveState?.ok) setConflict(null);
  }, [saveState]);

  useEffect(() => {
    if (saveState?.ok && saveState.data) {
      const version = saveState.data.version;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- adopt the version the server assigned to this save
      setState((s) => ({ ...s, version }));
      setSavedJson(JSON.stringify({ ...toPayload(state), version }));
    }
    // Only a new save result should mark the page clean.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saveState]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    // In-app links navigate without unloading the page, so they are asked too.
    const guardLinks = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (
        link &&
        !link.hasAttribute("download") &&
        !confirm("You have unsaved changes. Leave this page without saving them?")
      ) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", guardLinks, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", guardLinks, true);
    };
  }, [dirty]);

  const failed = saveState && !saveState.ok ? saveState : null;
  const fieldError = (path: string) => failed?.fieldErrors?.[`payload.${path}`]?.[0];
  // The data layer names the marking field itself when the marking is below the included facts' highest.
  const markingError = failed?.fieldErrors?.marking?.[0] ?? fieldError("marking");
  const printed = state.sections.flatMap((s) => printedItems(s.items));
  const minimum = minimumMarking(printed);

  return (
    <div className="space-y-6">
      <form
        action={save}
        className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-paper/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6"
      >
        <input type="hidden" name="briefingId" value={briefingId} />
        <input type="hidden" name="payload" value={JSON.stringify(toPayload(state))} />
        <button type="submit" className="btn-primary" disabled={saving || !dirty}>
          {saving ? "Saving…" : "Save"}
        </button>
        <span
          role="status"
          aria-live="polite"
          className={`text-sm ${failed ? "text-red-700" : "text-slate-600"}`}
          data-testid="save-status"
        >
          {failed
            ? // The marking's refusal is read out once, at the field.
              (markingError && "Some fields need attention.") || failed.message
            : dirty
              ? "Unsaved changes"
              : saveState?.ok
                ? "All changes saved"
                : "No unsaved changes"}
        </span>
        <span className="ml-auto flex flex-wrap gap-2">
          <Link href={`/briefings/${briefingId}/preview`} className="btn-secondary">
            Preview
          </Link>
          <MarkingSelect
            chosen={state.marking}
            minimum={minimum.minimum}
            error={markingError}
            onChange={(marking) => setState({ ...state, marking })}
          />
        </span>
        <MarkingNote minimum={minimum} error={markingError} />
      </form>
      <p className="text-sm text-slate-700" data-testid="included-count">
        {printed.length === 0
          ? "This briefing has no facts included: it will print only your own text."
          : `${printed.length} ${printed.length === 1 ? "fact" : "facts"} included: ${describeHandlingTotals(handlingTotals(printed))}.`}
      </p>
      {conflict && (
        <SaveConflictPanel conflict={conflict} state={state} setState={setState} onDismiss={() => setConflict(null)} />
      )}
      <ComposerFields state={state} setState={setState} fieldError={fieldError} />
      <ComposerSections
        sections={state.sections}
        onChange={(sections) => setState({ ...state, sections })}
        fieldError={fieldError}
      />
      {finalise && (
        <FinaliseButton
          briefingId={briefingId}
          version={state.version}
          dirty={dirty}
          allowed={finalise.allowed}
          reason={finalise.reason}
        />
      )}
    </div>
  );
}

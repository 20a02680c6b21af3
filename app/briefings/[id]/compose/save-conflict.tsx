"use client";

import type { BriefingEdit } from "@/lib/validation/briefing";
import type { ComposerState } from "./types";

/** What a refused save sends back (db/queries/briefings/save-briefing.ts SaveConflict): the stored briefing. */
export interface SaveConflict {
  version: number;
  edit: BriefingEdit;
}

export function isSaveConflict(value: unknown): value is SaveConflict {
  const v = value as SaveConflict | null;
  return !!v && typeof v === "object" && typeof v.version === "number" && !!v.edit && typeof v.edit === "object";
}

type Field = {
  label: string;
  mine: (s: ComposerState) => string;
  theirs: (e: BriefingEdit) => string;
  take: (s: ComposerState, e: BriefingEdit) => ComposerState;
};

const OCCASION_LABELS = {
  meeting: "Meeting",
  date: "Date",
  place: "Place",
  counterpart: "Counterpart",
  principal: "Our principal",
} as const;

/** Their arrangement (section order, included facts, notes) applied to the facts this composer holds. */
function takeArrangement(state: ComposerState, edit: BriefingEdit): ComposerState {
  const sections = edit.sections.flatMap((ts) => {
    const mine = state.sections.find((s) => s.topicId === ts.topicId);
    if (!mine) return [];
    const items = ts.items.flatMap((ti) => {
      const m = mine.items.find((i) => i.factId === ti.factId);
      return m ? [{ ...m, included: ti.included, note: ti.note }] : [];
    });
    const rest = mine.items.filter((i) => !ts.items.some((ti) => ti.factId === i.factId));
    return [{ ...mine, items: [...items, ...rest] }];
  });
  const rest = state.sections.filter((s) => !edit.sections.some((ts) => ts.topicId === s.topicId));
  return { ...state, sections: [...sections, ...rest] };
}

const arrangementOf = (sections: { topicId: string; items: { factId: string; included: boolean; note: string }[] }[]) =>
  JSON.stringify(sections.map((s) => [s.topicId, s.items.map((i) => [i.factId, i.included, i.note])]));

const FIELDS: Field[] = [
  { label: "Title", mine: (s) => s.title, theirs: (e) => e.title, take: (s, e) => ({ ...s, title: e.title }) },
  {
    label: "Marking",
    mine: (s) => s.marking,
    theirs: (e) => e.marking,
    take: (s, e) => ({ ...s, marking: e.marking }),
  },
  ...(Object.keys(OCCASION_LABELS) as (keyof typeof OCCASION_LABELS)[]).map((key): Field => ({
    label: OCCASION_LABELS[key],
    mine: (s) => s.occasion[key],
    theirs: (e) => e.occasion[key],
    take: (s, e) => ({ ...s, occasion: { ...s.occasion, [key]: e.occasion[key] } }),
  })),
  {
    label: "Counterpart title",
    mine: (s) => s.counterpartTitle,
    theirs: (e) => e.counterpartTitle ?? "",
    take: (s, e) => ({ ...s, counterpartTitle: e.counterpartTitle ?? "" }),
  },
  {
    label: "Purpose",
    mine: (s) => s.purpose,
    theirs: (e) => e.purpose,
    take: (s, e) => ({ ...s, purpose: e.purpose }),
  },
  {
    label: "Key messages",
    mine: (s) =>
      s.keyMessages
        .split("\n")
        .map((m) => m.trim())
        .filter(Boolean)
        .join("\n"),
    theirs: (e) => e.keyMessages.join("\n"),
    take: (s, e) => ({ ...s, keyMessages: e.keyMessages.join("\n") }),
  },
  {
    label: "Background notes",
    mine: (s) => s.background,
    theirs: (e) => e.background,
    take: (s, e) => ({ ...s, background: e.background }),
  },
];

/**
 * Someone else saved this draft while it was open here: their saved text beside the unsaved
 * text here, field by field, each with "Take theirs". What is here stays until taken; the
 * next Save is made over their version (so it replaces what they saved with what is here).
 */
export function SaveConflictPanel({
  conflict,
  state,
  setState,
  onDismiss,
}: {
  conflict: SaveConflict;
  state: ComposerState;
  setState: (s: ComposerState) => void;
  onDismiss: () => void;
}) {
  const differing = FIELDS.filter((f) => f.mine(state) !== f.theirs(conflict.edit));
  const arrangementDiffers = arrangementOf(state.sections) !== arrangementOf(conflict.edit.sections);
  return (
    <section
      aria-labelledby="save-conflict-heading"
      className="rounded-lg border border-amber-400 bg-amber-50 p-4"
      data-testid="save-conflict"
    >
      <h2 id="save-conflict-heading" className="font-semibold text-ink">
        Someone else saved this draft while you were editing
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Your text is kept below. Where theirs differs it is shown beside yours: take theirs, or keep yours and merge by
        hand; then save again (your save then replaces theirs).
      </p>
      {differing.length === 0 && !arrangementDiffers ? (
        <p className="mt-3 text-sm text-slate-700">Nothing differs any more: save to continue.</p>
      ) : (
        <div className="mt-3 space-y-3">
          {differing.map((f) => (
            <fieldset key={f.label} className="rounded-md border border-amber-200 bg-white p-3 text-sm">
              <legend className="px-1 font-medium">{f.label}</legend>
              <div className="grid gap-3 md:grid-cols-2">
                <div>
                  <p className="text-xs uppercase tracking-wide text-slate-500">Yours (unsaved)</p>
                  <p className="whitespace-pre-wrap">{f.mine(state) || "(empty)"}</p>
                </div>
                <div>
                  <p className="text-xs uppercase tracking-wide text-slate-500">Saved by the other person</p>
                  <p className="whitespace-pre-wrap" data-testid="theirs">
                    {f.theirs(conflict.edit) || "(empty)"}
                  </p>
                </div>
              </div>
              <button
                type="button"
                className="btn-secondary mt-2 px-2 py-1 text-xs"
                onClick={() => setState(f.take(state, conflict.edit))}
              >
                Take theirs<span className="sr-only"> for {f.label}</span>
              </button>
            </fieldset>
          ))}
          {arrangementDiffers && (
            <fieldset className="rounded-md border border-amber-200 bg-white p-3 text-sm">
              <legend className="px-1 font-medium">Sections and facts</legend>
              <p>The order of sections or facts, which facts are included, or the notes differ.</p>
              <button
                type="button"
                className="btn-secondary mt-2 px-2 py-1 text-xs"
                onClick={() => setState(takeArrangement(state, conflict.edit))}
              >
                Take theirs<span className="sr-only"> for the sections and facts</span>
              </button>
            </fieldset>
          )}
        </div>
      )}
      <button type="button" className="btn-secondary mt-3" onClick={onDismiss}>
        Close
      </button>
    </section>
  );
}

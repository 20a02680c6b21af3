"use client";

import { HandlingBadges } from "@/app/components/handling-badges";
import { LIMITS } from "@/lib/validation/briefing";
import type { ComposerItem } from "./types";

export function ComposerFact({
  item,
  first,
  last,
  noteError,
  onChange,
  onMove,
  onDragStart,
  onDrop,
}: {
  item: ComposerItem;
  first: boolean;
  last: boolean;
  noteError?: string;
  onChange: (item: ComposerItem) => void;
  onMove: (by: number, focusId: string) => void;
  onDragStart: () => void;
  onDrop: () => void;
}) {
  const id = item.factId;
  const shortText = item.text.length > 60 ? `${item.text.slice(0, 60)}…` : item.text;
  return (
    <li
      className={`flex gap-3 py-3 ${item.included && !item.retired ? "" : "opacity-60"}`}
      data-testid="composer-fact"
      data-fact-id={id}
      draggable
      onDragStart={(e) => {
        e.stopPropagation();
        onDragStart();
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        onDrop();
      }}
    >
      <div className="pt-1">
        <input
          type="checkbox"
          id={`include-${id}`}
          className="h-4 w-4 rounded border-slate-400"
          checked={item.included && !item.retired}
          disabled={item.retired}
          onChange={(e) => onChange({ ...item, included: e.target.checked })}
        />
        <label htmlFor={`include-${id}`} className="sr-only">
          Include: {shortText}
        </label>
      </div>
      <div className="min-w-0 flex-1">
        <p className="text-sm text-slate-900">{item.text}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
          <HandlingBadges handling={item.handling} marking={item.marking} />
          <span>{item.date}</span>
          {item.dated && <span className="font-medium text-amber-800">Dated</span>}
          {item.retired && (
            <span className="font-medium text-red-700">Retired from the fact base — will not print</span>
          )}
          {item.meeting && <span>{item.meeting}</span>}
          <span>Source: {item.source}</span>
        </p>
        <details className="mt-1 text-sm" open={item.note.length > 0 || !!noteError}>
          <summary className="cursor-pointer text-accent">{item.note ? "Your note" : "Add a note"}</summary>
          <label htmlFor={`note-${id}`} className="sr-only">
            Note on: {shortText}
          </label>
          <textarea
            id={`note-${id}`}
            rows={2}
            maxLength={LIMITS.note}
            className="field-input"
            value={item.note}
            onChange={(e) => onChange({ ...item, note: e.target.value })}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `note-${id}-error` : undefined}
          />
          {noteError && (
            <p id={`note-${id}-error`} className="field-error">
              {noteError}
            </p>
          )}
        </details>
      </div>
      <div className="flex flex-col gap-1">
        <button
          type="button"
          id={`up-${id}`}
          className="btn-secondary px-2 py-1"
          disabled={first}
          onClick={() => onMove(-1, `up-${id}`)}
        >
          ↑<span className="sr-only"> Move up: {shortText}</span>
        </button>
        <button
          type="button"
          id={`down-${id}`}
          className="btn-secondary px-2 py-1"
          disabled={last}
          onClick={() => onMove(1, `down-${id}`)}
        >
          ↓<span className="sr-only"> Move down: {shortText}</span>
        </button>
      </div>
    </li>
  );
}

"use client";

import { useRef, useState } from "react";
import { describeHandlingTotals, handlingTotals } from "@/lib/model/handling-totals";
import { ComposerFact } from "./composer-fact";
import { move, printedItems, type ComposerItem, type ComposerSection } from "./types";

/**
 * The topic sections and their facts. Everything can be reordered with the Move buttons
 * (keyboard and pointer alike) or by dragging; each move is announced to screen readers.
 */
export function ComposerSections({
  sections,
  onChange,
  fieldError,
}: {
  sections: ComposerSection[];
  onChange: (s: ComposerSection[]) => void;
  fieldError: (path: string) => string | undefined;
}) {
  const [announcement, setAnnouncement] = useState("");
  const dragged = useRef<{ section: number; item: number | null } | null>(null);

  const refocus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const moveSection = (index: number, by: number, focusId?: string) => {
    const next = move(sections, index, by);
    if (next === sections) return;
    onChange(next);
    const at = next.indexOf(sections[index]);
    setAnnouncement(`${sections[index].title} moved to position ${at + 1} of ${sections.length}.`);
    if (focusId) refocus(focusId);
  };
  const updateItems = (index: number, items: ComposerItem[]) =>
    onChange(sections.map((s, i) => (i === index ? { ...s, items } : s)));
  const moveItem = (si: number, ii: number, by: number, focusId?: string) => {
    const items = move(sections[si].items, ii, by);
    if (items === sections[si].items) return;
    updateItems(si, items);
    setAnnouncement(
      `Fact moved to position ${items.indexOf(sections[si].items[ii]) + 1} of ${items.length} in ${sections[si].title}.`,
    );
    if (focusId) refocus(focusId);
  };
  const drop = (si: number, ii: number | null) => {
    const from = dragged.current;
    dragged.current = null;
    if (!from) return;
    if (from.item === null && ii === null) moveSection(from.section, si - from.section);
    else if (from.item !== null && ii !== null && from.section === si) moveItem(si, from.item, ii - from.item);
  };

  if (sections.length === 0) {
    return (
      <p className="card p-6 text-slate-700">
        No facts were proposed for this briefing. It can still be saved, previewed and printed with your own text.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <ol className="space-y-4" aria-label="Sections">
        {sections.map((section, si) => (
          <li
            key={section.topicId}
            className="card p-4"
            data-testid={`section-${section.topicId}`}
            draggable
            onDragStart={(e) => {
              if (e.target === e.currentTarget) dragged.current = { section: si, item: null };
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              if (dragged.current?.item === null) {
                e.preventDefault();
                drop(si, null);
              }
            }}
          >
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="mr-auto text-lg font-semibold text-ink">
                {section.title}{" "}
                <span className="text-sm font-normal text-slate-500">
                  ({printedItems(section.items).length} of {section.items.length} included)
                </span>
              </h2>
              <button
                type="button"
                id={`section-up-${section.topicId}`}
                className="btn-secondary px-2 py-1"
                disabled={si === 0}
                onClick={() => moveSection(si, -1, `section-up-${section.topicId}`)}
              >
                ↑<span className="sr-only"> Move section {section.title} up</span>
              </button>
              <button
                type="button"
                id={`section-down-${section.topicId}`}
                className="btn-secondary px-2 py-1"
                disabled={si === sections.length - 1}
                onClick={() => moveSection(si, 1, `section-down-${section.topicId}`)}
              >
                ↓<span className="sr-only"> Move section {section.title} down</span>
              </button>
            </div>
            <p className="text-xs text-slate-600" data-testid="handling-totals">
              Included: {describeHandlingTotals(handlingTotals(printedItems(section.items)))}
            </p>
            <ol className="mt-3 divide-y divide-slate-100" aria-label={`Facts in ${section.title}`}>
              {section.items.map((item, ii) => (
                <ComposerFact
                  key={item.factId}
                  item={item}
                  first={ii === 0}
                  last={ii === section.items.length - 1}
                  noteError={fieldError(`sections.${si}.items.${ii}.note`)}
                  onChange={(changed) =>
                    updateItems(
                      si,
                      section.items.map((x, k) => (k === ii ? changed : x)),
                    )
                  }
                  onMove={(by, focusId) => moveItem(si, ii, by, focusId)}
                  onDragStart={() => (dragged.current = { section: si, item: ii })}
                  onDrop={() => drop(si, ii)}
                />
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}

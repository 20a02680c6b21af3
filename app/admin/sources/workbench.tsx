"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { Segment } from "@/lib/admin/coverage";

/** Where the selection lies in the article's text, or null if it is not wholly inside it. */
function selectionOffsets(article: HTMLElement): [number, number] | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return null;
  // The article holds only the source's text (plain text nodes and <mark>s), so counting
  // characters up to the selection maps it back onto the stored text exactly.
  const before = document.createRange();
  before.selectNodeContents(article);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return [start, start + range.toString().length];
}

/** The source's text with covered passages marked; selecting a passage offers a new fact quoting it. */
export function Workbench({ sourceId, segments }: { sourceId: string; segments: Segment[] }) {
  const article = useRef<HTMLElement>(null);
  const [quote, setQuote] = useState("");
  const fullText = segments.map((s) => s.text).join("");

  useEffect(() => {
    const onChange = () => {
      const el = article.current;
      const at = el ? selectionOffsets(el) : null;
      // Selections elsewhere (or clicking the button) keep the last passage chosen here.
      if (at) setQuote(fullText.slice(at[0], at[1]).trim());
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [fullText]);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <article
        ref={article}
        aria-label="Source text"
        data-testid="source-text"
        className="card whitespace-pre-wrap break-words p-6 font-serif leading-relaxed"
      >
        {segments.map((s) =>
          s.covered ? (
            <mark key={s.start} className="bg-yellow-100">
              {s.text}
            </mark>
          ) : (
            <span key={s.start}>{s.text}</span>
          ),
        )}
      </article>
      <aside className="card h-fit space-y-3 p-4 lg:sticky lg:top-4" aria-labelledby="selection-heading">
        <h2 id="selection-heading" className="font-semibold text-ink">
          Selected passage
        </h2>
        <p className="text-xs text-slate-600">
          Select a passage in the text; highlighted passages are already quoted by a fact.
        </p>
        <p
          aria-live="polite"
          data-testid="selected-passage"
          className="max-h-48 overflow-auto rounded bg-slate-50 p-2 text-sm"
        >
          {quote || "Nothing selected yet."}
        </p>
        {quote ? (
          <Link
            className="btn-primary"
            href={`/admin/facts/new?source=${encodeURIComponent(sourceId)}&quote=${encodeURIComponent(quote)}`}
          >
            New fact from this passage
          </Link>
        ) : (
          <span className="btn-primary opacity-60" aria-disabled="true">
            New fact from this passage
          </span>
        )}
      </aside>
    </div>
  );
}
